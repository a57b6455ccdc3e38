package ephyzip.cli;

import ephyzip.Codec;
import ephyzip.coding.CoderKind;
import ephyzip.wav.WavFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Compress recordings.", "  encode [options] IN.wav OUT.ezp",
                "  encode [options] -o OUTDIR FILES_OR_DIRS..."})
final class EncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = "--coder", paramLabel = "CODER", description = "rank or arith (default: ${DEFAULT-VALUE}).",
            defaultValue = "arith", converter = CoderConverter.class)
    CoderKind coder;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "OUTDIR", description = "Write NAME.ezp files here.")
    Path outDir;

    @Option(names = {"-f", "--force"}, description = "Overwrite existing outputs.")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Files coded at once (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "1..*", paramLabel = "FILES")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        Codec codec = new Codec(model.load());
        return FileJob.run(files, outDir, force, ".wav", ".ezp", true, threads, spec.commandLine().getErr(), "encode",
                (in, bytes) -> codec.encode(WavFile.parse(in.toString(), bytes), coder));
    }
}
