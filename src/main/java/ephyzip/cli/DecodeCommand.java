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
        description = {"Restore recordings byte for byte (sidecar files are never touched).",
                "  decode [options] FILES.ezp...        each X.ezp to X beside it",
                "  decode [options] IN.ezp OUT",
                "  decode [options] -o OUTDIR FILES_OR_DIRS...",
                "  decode [options] -c FILE.ezp > OUT   (- reads standard input)"})
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
            codec = new Codec(model.load(), io.threadsPerFile());
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage() + needs());
        }
        FileJob.Naming naming = new FileJob.Naming("decode", Outputs::decodedName,
                args -> args.size() == 2 && !args.get(1).toString().toLowerCase().endsWith(Outputs.EXT),
                p -> p.getFileName().toString().toLowerCase().endsWith(Outputs.EXT));
        return FileJob.run(io, naming, spec.commandLine().getErr(), (in, out, progress) -> {
            try (InputStream s = FileJob.openInput(in, progress)) {
                codec.decode(s, out);
            }
        });
    }

    /** Which model the first input stream needs, for the message about an unusable model. */
    private String needs() {
        for (Path p : io.files) {
            if (!Outputs.isStdio(p) && Files.isRegularFile(p)) {
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
