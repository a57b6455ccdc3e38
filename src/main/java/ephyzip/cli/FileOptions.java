package ephyzip.cli;

import ephyzip.format.Inputs;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs and outputs of encode and decode, as gzip and xz take them: {@code FILES...} (each
 * output beside its input), {@code IN OUT}, {@code -o OUTDIR FILES...}, {@code -c} (standard
 * output), and {@code -} for standard input.
 */
final class FileOptions {
    @Option(names = {"-o", "--output-dir"}, paramLabel = "OUTDIR", description = "Write the outputs here.")
    Path outDir;

    @Option(names = {"-c", "--stdout"}, description = "Write to standard output (one input).")
    boolean stdout;

    @Option(names = {"-f", "--force"}, description = "Overwrite existing outputs.")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores): files coded at once,"
            + " or for one file the channel segments of its frames (the output is the same for any N).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "1..*", paramLabel = "FILES", description = "Inputs (- for standard input).")
    List<Path> files;

    /** Threads for each file's channel segments: all of them for one file (or IN OUT), else 1 (files run side by side). */
    int threadsPerFile() {
        return files.size() <= 2 ? threads : 1;
    }
}
