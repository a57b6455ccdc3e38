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

    @Mixin
    FileOptions io;

    @Override
    public Integer call() throws Exception {
        Codec codec = new Codec(model.load());
        return FileJob.run(io, ".wav", ".ezp", spec.commandLine().getErr(), "encode",
                (in, bytes) -> codec.encode(WavFile.parse(in.toString(), bytes), coder));
    }
}
