package ephyzip.cli;

import ephyzip.BadInputException;
import ephyzip.stream.StreamHeader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show what a stream's header holds.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.ezp")
    Path file;

    @Override
    public Integer call() throws Exception {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        StreamHeader h = StreamHeader.parse(bytes);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("file:              %s (%d bytes)%n", file, bytes.length);
        o.printf("format version:    %d%n", h.version());
        o.printf("coder:             %s%n", h.coder().label());
        o.printf("model fingerprint: %s%n", h.modelFingerprint());
        o.printf("samples:           %d%n", h.sampleCount());
        if (h.wavHeader().length >= 28) {
            int rate = ByteBuffer.wrap(h.wavHeader(), 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            o.printf("sample rate:       %d Hz (if the fmt chunk comes first)%n", rate);
        }
        o.printf("WAV header:        %d bytes%n", h.wavHeader().length);
        o.printf("WAV trailer:       %d bytes%n", h.wavTrailer().length);
        o.printf("samples CRC32:     %08x%n", h.samplesCrc());
        o.printf("stream header:     %d bytes%n", h.length());
        o.printf("payload:           %d bytes%s%n", h.payloadLength(), h.sampleCount() == 0 ? ""
                : String.format(" (%.3f bits/sample)", 8.0 * h.payloadLength() / h.sampleCount()));
        long original = h.wavHeader().length + 2L * h.sampleCount() + h.wavTrailer().length;
        o.printf("original WAV:      %d bytes (ratio %.3f without the model)%n", original,
                (double) original / bytes.length);
        return ExitCodes.OK;
    }
}
