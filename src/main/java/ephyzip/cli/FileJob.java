package ephyzip.cli;

import ephyzip.io.BadInputException;
import java.io.BufferedInputStream;
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

/**
 * Runs a one-file transformation over the command's inputs: either {@code IN OUT}, or
 * {@code -o OUTDIR INPUTS...}. Several files run in parallel; a file that fails is reported and
 * skipped, and the exit code is the worst seen.
 */
final class FileJob {
    /**
     * Reads {@code in} and writes the output to {@code out} (a temporary file until it succeeds),
     * telling {@code progress} how far it is.
     */
    interface Transform {
        void apply(Path in, OutputStream out, Progress progress) throws Exception;
    }

    /** Files coded side by side report only as whole files. */
    private static final Progress QUIET = new Progress(null, "", 0, false);

    private FileJob() {
    }

    static int run(FileOptions io, String inExt, String outExt, PrintWriter err, String verb, Transform t)
            throws Exception {
        List<Path> args = io.files;
        Path outDir = io.outDir;
        boolean force = io.force;
        int threads = io.threads;
        List<Path[]> pairs = new ArrayList<>();
        if (outDir == null) {
            if (args.size() != 2) {
                throw new UsageException(verb + " takes IN OUT, or -o OUTDIR and one or more inputs");
            }
            pairs.add(new Path[] {args.get(0), args.get(1)});
        } else {
            if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
                throw new UsageException(outDir + " is not a directory");
            }
            for (Path in : expand(args, inExt)) {
                pairs.add(new Path[] {in, outDir.resolve(Outputs.renamed(in, inExt, outExt))});
            }
        }
        for (Path[] p : pairs) {
            Outputs.checkWritable(p[1], force);
        }
        if (pairs.size() == 1) { // one file: its error is the command's error
            Path[] p = pairs.get(0);
            try (Progress progress = new Progress(err, verb + " " + p[0].getFileName(), 0)) {
                Files2.writeAtomically(p[1], out -> t.apply(p[0], out, progress));
            }
            return ExitCodes.OK;
        }
        // Many files: in parallel (each output depends on its input alone); errors are reported in
        // input order and the others still run.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, pairs.size())));
        int worst = ExitCodes.OK;
        try (Progress progress = new Progress(err, verb, pairs.size())) {
            List<Future<String>> results = new ArrayList<>();
            for (Path[] p : pairs) {
                results.add(pool.submit(() -> {
                    try {
                        Files2.writeAtomically(p[1], out -> t.apply(p[0], out, QUIET));
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
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        progress.step(n);
                    }
                    return n;
                }
            };
            return new BufferedInputStream(counted, 1 << 16);
        } catch (java.io.IOException e) {
            throw new BadInputException(in + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static List<Path> expand(List<Path> args, String ext) throws UsageException {
        List<Path> out = new ArrayList<>();
        for (Path a : args) {
            if (Files.isDirectory(a)) {
                try (var s = Files.list(a)) {
                    s.filter(f -> f.getFileName().toString().toLowerCase().endsWith(ext)).sorted().forEach(out::add);
                } catch (java.io.IOException e) {
                    throw new UsageException(a + ": cannot list (" + e.getMessage() + ")");
                }
            } else {
                out.add(a);
            }
        }
        return out;
    }
}
