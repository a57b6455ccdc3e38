package ephyzip.cli;

import ephyzip.Codec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Restore recordings byte for byte.", "  decode [options] IN.ezp OUT.wav",
                "  decode [options] -o OUTDIR FILES_OR_DIRS..."})
final class DecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "OUTDIR", description = "Write NAME.wav files here.")
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
        return FileJob.run(files, outDir, force, ".ezp", ".wav", true, threads, spec.commandLine().getErr(), "decode",
                (in, bytes) -> codec.decode(bytes).toBytes());
    }
}
