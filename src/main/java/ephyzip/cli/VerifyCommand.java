package ephyzip.cli;

import ephyzip.Codec;
import ephyzip.io.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ephyzip verify IN.ezp ORIGINAL}: decodes a stream and compares it with the file it was
 * made from, writing nothing; for users who delete originals (mtscomp checks by default).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Decode a stream and compare it with its original, byte for byte, writing nothing.",
                "Exit 0 if identical; 3 if they differ (with the first differing byte) or the stream is damaged."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Parameters(index = "0", paramLabel = "IN.ezp", description = "The stream.")
    Path stream;

    @Parameters(index = "1", paramLabel = "ORIGINAL", description = "The file it was made from (for SpikeGLX,"
            + " Open Ephys and flat files: the data file).")
    Path original;

    @Override
    public Integer call() throws Exception {
        InferencePath.forSamples(InferencePath.inStreams(java.util.List.of(stream)));
        String difference = compare(new StreamCodecs(model, 1).forStream(stream), stream, original);
        if (difference != null) {
            throw new BadInputException(stream + " does not decode to " + original + ": " + difference);
        }
        spec.commandLine().getOut().println(stream + ": decodes to " + original + " exactly ("
                + Files.size(original) + " bytes)");
        return ExitCodes.OK;
    }

    /** Null if {@code stream} decodes to exactly the bytes of {@code original}, else how they differ. */
    static String compare(Codec codec, Path stream, Path original) throws BadInputException, IOException {
        if (!Files.isRegularFile(original)) {
            throw new BadInputException(original + ": not a readable file");
        }
        try (InputStream in = FileJob.openInput(stream);
             SameBytes same = new SameBytes(original)) {
            codec.decode(in, same);
            if (in.read() >= 0) {
                throw new BadInputException(stream + ": bytes after the end of the stream");
            }
            return same.difference();
        }
    }
}
