package ephyzip.cli;

import ephyzip.Codec;
import ephyzip.io.BadInputException;
import ephyzip.stream.StreamHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
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
        Codec codec;
        try {
            codec = new Codec(model.load());
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage() + needs());
        }
        return FileJob.run(io, ".ezp", ".wav", spec.commandLine().getErr(), "decode", (in, out, progress) -> {
            try (InputStream s = FileJob.openInput(in, progress)) {
                codec.decode(s, out);
            }
        });
    }

    /** Which model the first input stream needs, for the message about an unusable model. */
    private String needs() {
        for (Path p : io.files) {
            if (Files.isRegularFile(p)) {
                try (InputStream s = FileJob.openInput(p)) {
                    return "; " + p + " needs model " + StreamHeader.read(s).modelFingerprint();
                } catch (BadInputException | IOException e) {
                    return "";
                }
            }
        }
        return "";
    }
}
