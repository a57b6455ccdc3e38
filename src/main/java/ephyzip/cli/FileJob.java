package ephyzip.cli;

import ephyzip.bench.Transform;
import ephyzip.io.BadInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a one-file transformation over the command's inputs, as gzip does: each input's output
 * beside it ({@code FILES...}), {@code IN OUT}, {@code -o OUTDIR FILES...}, or standard output
 * ({@code -c}, and always for standard input {@code -} unless an output is named). Several files
 * run in parallel; a file that fails is reported and skipped, and the exit code is the worst seen.
 */
final class FileJob {
    /**
     * Reads {@code in} and writes the output to {@code out} (a temporary file until it succeeds),
     * telling {@code progress} how far it is.
     */
    interface Transform {
        void apply(Path in, OutputStream out, Progress progress) throws Exception;
    }

    /** How a command names its outputs. */
    record Naming(String verb, Function<Path, String> outputName, Predicate<List<Path>> isInOut,
                  Predicate<Path> takenFromDirectory) {
    }

    /** Files coded side by side report only as whole files. */
    private static final Progress QUIET = new Progress(null, "", 0, false);

    private FileJob() {
    }

    /** Checks a complete output against its input before it replaces anything. */
    interface Check {
        void check(Path in, Path written) throws Exception;
    }

    static int run(FileOptions io, Naming naming, PrintWriter err, Transform t) throws Exception {
        return run(io, naming, err, t, null);
    }

    static int run(FileOptions io, Naming naming, PrintWriter err, Transform t, Check check) throws Exception {
        List<Path> args = io.files;
        if (io.stdout && io.outDir != null) {
            throw new UsageException("-c and -o cannot be used together");
        }
        if (args.stream().filter(Outputs::isStdio).count() > 1) {
            throw new UsageException("standard input can be read once");
        }
        if (io.stdout || (args.size() == 1 && Outputs.isStdio(args.get(0)) && io.outDir == null)) {
            if (args.size() != 1) {
                throw new UsageException(naming.verb() + " -c takes one input");
            }
            if (check != null) {
                throw new UsageException("--verify needs an output file, not standard output");
            }
            return toStdout(args.get(0), t);
        }
        List<Path[]> pairs = new ArrayList<>();
        if (io.outDir == null && naming.isInOut().test(args)) {
            pairs.add(new Path[] {args.get(0), args.get(1)});
        } else {
            if (io.outDir != null && Files.exists(io.outDir) && !Files.isDirectory(io.outDir)) {
                throw new UsageException(io.outDir + " is not a directory");
            }
            for (Path in : expand(args, naming.takenFromDirectory())) {
                if (Outputs.isStdio(in)) {
                    throw new UsageException("standard input has no name to derive an output from: name the output"
                            + " (" + naming.verb() + " - OUT) or use -c");
                }
                String name = naming.outputName().apply(in);
                if (name == null) {
                    throw new UsageException(in + ": cannot tell the output's name (expected a name ending in "
                            + Outputs.EXT + "); give IN OUT, or -o OUTDIR");
                }
                pairs.add(new Path[] {in, io.outDir != null ? io.outDir.resolve(name) : in.resolveSibling(name)});
            }
        }
        for (Path[] p : pairs) {
            Outputs.checkWritable(p[1], io.force);
        }
        if (pairs.size() == 1) { // one file: its error is the command's error
            Path[] p = pairs.get(0);
            try (Progress progress = new Progress(err, naming.verb() + " " + p[0].getFileName(), 0);
                 Stdin in = Stdin.orFile(p[0])) {
                ephyzip.io.DurableFile.write(p[1], out -> t.apply(in.path(), out, progress),
                        check == null ? null : written -> check.check(in.path(), written));
            }
            return ExitCodes.OK;
        }
        // Many files: in parallel (each output depends on its input alone); errors are reported in
        // input order and the others still run.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(io.threads, pairs.size())));
        int worst = ExitCodes.OK;
        try (Progress progress = new Progress(err, naming.verb(), pairs.size())) {
            List<Future<String>> results = new ArrayList<>();
            for (Path[] p : pairs) {
                results.add(pool.submit(() -> {
                    try {
                        ephyzip.io.DurableFile.write(p[1], out -> t.apply(p[0], out, QUIET),
                                check == null ? null : written -> check.check(p[0], written));
                        return null;
                    } catch (BadInputException e) {
                        return e.getMessage();
                    } finally {
                        progress.step(1);
                    }
                }));
            }
            for (Future<String> f : results) {
                String error;
                try {
                    error = f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
                if (error != null) {
                    err.println("ephyzip: " + error);
                    worst = Math.max(worst, ExitCodes.BAD_INPUT);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return worst;
    }

    /**
     * Writes to standard output as the output is made (as gzip -c does: what was written before
     * an error stays written; the exit code tells).
     */
    private static int toStdout(Path in, Transform t) throws Exception {
        OutputStream stdout = new java.io.FilterOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // standard output stays open
            }
        };
        try (Stdin s = Stdin.orFile(in);
             OutputStream out = new java.io.BufferedOutputStream(stdout, 1 << 16)) {
            t.apply(s.path(), out, QUIET);
        }
        return ExitCodes.OK;
    }

    /** {@code in}, buffered; failing to open it is bad input, not a crash. */
    static InputStream openInput(Path in) throws BadInputException {
        return openInput(in, QUIET);
    }

    /** {@code in}, buffered, with the bytes read counted into {@code progress}. */
    static InputStream openInput(Path in, Progress progress) throws BadInputException {
        try {
            progress.total(Files.size(in));
            InputStream counted = new java.io.FilterInputStream(Files.newInputStream(in)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        progress.step(n);
                    }
                    return n;
                }
            };
            return new BufferedInputStream(counted, 1 << 16);
        } catch (IOException e) {
            throw new BadInputException(in + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** {@code args} with each directory replaced by its regular files that {@code taken} accepts, sorted. */
    static List<Path> expand(List<Path> args, Predicate<Path> taken) throws UsageException {
        List<Path> out = new ArrayList<>();
        for (Path a : args) {
            if (!Outputs.isStdio(a) && Files.isDirectory(a)) {
                try (var s = Files.list(a)) {
                    s.filter(Files::isRegularFile).filter(taken).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UsageException(a + ": cannot list (" + e.getMessage() + ")");
                }
            } else {
                out.add(a);
            }
        }
        return out;
    }
}
