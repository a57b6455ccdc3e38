package ephyzip.cli;

import ephyzip.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a one-file transformation over the command's inputs: either {@code IN OUT}, or
 * {@code -o OUTDIR INPUTS...}. A file that fails is reported and skipped; the exit code is the
 * worst seen.
 */
final class FileJob {
    interface Transform {
        byte[] apply(Path in, byte[] bytes) throws Exception;
    }

    private FileJob() {
    }

    static int run(List<Path> args, Path outDir, boolean force, String inExt, String outExt, boolean expandDirs,
                   PrintWriter err, String verb, Transform t) throws Exception {
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
            for (Path in : expand(args, inExt, expandDirs)) {
                pairs.add(new Path[] {in, outDir.resolve(Outputs.renamed(in, inExt, outExt))});
            }
        }
        for (Path[] p : pairs) {
            Outputs.checkWritable(p[1], force);
        }
        int worst = ExitCodes.OK;
        try (Progress progress = new Progress(err, verb, pairs.size())) {
            for (Path[] p : pairs) {
                try {
                    byte[] in = readInput(p[0]);
                    Files2.writeAtomically(p[1], t.apply(p[0], in));
                } catch (BadInputException e) {
                    if (pairs.size() == 1) {
                        throw e;
                    }
                    err.println("ephyzip: " + e.getMessage());
                    worst = Math.max(worst, ExitCodes.BAD_INPUT);
                }
                progress.step(1);
            }
        }
        return worst;
    }

    private static byte[] readInput(Path in) throws BadInputException {
        try {
            return Files.readAllBytes(in);
        } catch (java.io.IOException e) {
            throw new BadInputException(in + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static List<Path> expand(List<Path> args, String ext, boolean expandDirs) throws UsageException {
        List<Path> out = new ArrayList<>();
        for (Path a : args) {
            if (Files.isDirectory(a)) {
                if (!expandDirs) {
                    throw new UsageException(a + " is a directory");
                }
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
