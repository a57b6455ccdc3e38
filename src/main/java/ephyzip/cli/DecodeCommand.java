package ephyzip.cli;

import ephyzip.Codec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    FileOptions io;

    @Override
    public Integer call() throws Exception {
        Codec codec = new Codec(model.load());
        return FileJob.run(io, ".ezp", ".wav", spec.commandLine().getErr(), "decode",
                (in, bytes) -> codec.decode(bytes).toBytes());
    }
}
