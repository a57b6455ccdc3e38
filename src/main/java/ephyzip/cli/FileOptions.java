package ephyzip.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs and outputs of encode and decode: {@code IN OUT}, or {@code -o OUTDIR FILES...}. */
final class FileOptions {
    @Option(names = {"-o", "--output-dir"}, paramLabel = "OUTDIR", description = "Write the outputs here.")
    Path outDir;

    @Option(names = {"-f", "--force"}, description = "Overwrite existing outputs.")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Files coded at once (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "1..*", paramLabel = "FILES")
    List<Path> files;
}
