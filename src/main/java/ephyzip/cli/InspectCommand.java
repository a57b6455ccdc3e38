package ephyzip.cli;

import ephyzip.format.InputKind;
import ephyzip.format.WavFile;
import ephyzip.io.BadInputException;
import ephyzip.residual.ResidualChannel;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;
import java.io.IOException;
import java.io.InputStream;
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
        long size;
        StreamHeader h;
        try (InputStream in = FileJob.openInput(file)) {
            size = Files.size(file);
            h = StreamHeader.read(in);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        PrintWriter o = spec.commandLine().getOut();
        long samples = h.samplesPerChannel() * h.channels();
        o.printf("file:              %s (%d bytes)%n", file, size);
        o.printf("format version:    %d%n", h.version());
        o.printf("coder:             %s%n", h.coder().label());
        o.printf("model fingerprint: %s%n", h.modelFingerprint());
        o.printf("channels:          %d%n", h.channels());
        o.printf("samples:           %d per channel, %d in all%n", h.samplesPerChannel(), samples);
        double rate = h.rate() > 0 || h.kind() != InputKind.WAV ? h.rate() : WavFile.rateOf(h.sourceHeader());
        o.printf("input:             %s%n", h.kind());
        o.printf("sample rate:       %s%n", rate > 0 ? rate + " Hz" : "not stated");
        byte[] a = h.alphabetRecord();
        if (h.coder() == CoderKind.RESIDUAL) {
            // presets 0 to 2 are the bases; 3 to 5 add the long LMS stage, 6 to 11 the lighter least squares
            int[] base = new int[ResidualChannel.LONG_PRESETS];
            int longOnes = 0;
            int light = 0;
            int periodic = 0;
            for (int i = 1; i + 2 < a.length; i += 3) {
                int p = a[i] & 0xFF;
                base[p % ResidualChannel.LONG_PRESETS]++;
                light += p >= ResidualChannel.LIGHT_PRESETS ? 1 : 0;
                longOnes += p >= ResidualChannel.LONG_PRESETS && p < ResidualChannel.LIGHT_PRESETS ? 1 : 0;
                periodic += (a[i + 1] | a[i + 2]) != 0 ? 1 : 0;
            }
            o.printf("predictor presets: %s%n", a.length == 0 ? "0 for every channel"
                    : base[0] + " channels at 0 (steady), " + base[1] + " at 1, " + base[2] + " at 2 (quick); "
                    + (light > 0 ? light + " with the lighter least squares (6 to 11); " : "")
                    + (longOnes > 0 ? longOnes + " with the long LMS stage (3 to 5); " : "") + periodic
                    + " with a period");
            o.printf("coder segments:    %d of %d channels%n", h.segments(), Math.max(1, h.segmentChannels()));
        } else if (h.coder() == CoderKind.FAST) {
            o.printf("fast-path variant: %d (of 0 fastest to 2 smallest)%n", a[1]);
            o.printf("coder segments:    %d of %d channels%n", h.segments(), Math.max(1, h.segmentChannels()));
        } else {
            o.printf("alphabet:          %s%n", a.length == 0 ? "the model's" : a[0] == 1 ? "the model's, shifted ("
                    + a.length + " bytes)" : "the recording's own values (" + a.length + " bytes)");
            if (h.version() == StreamHeader.VERSION_9) { // levels 7 to 9, where it coded smaller
                o.printf("class histogram:   each channel's own, mixed in (levels 7 to 9)%n");
            } else if (h.version() == StreamHeader.VERSION_10) {
                o.printf("network:           not run: the bigram table's prediction mixed alone (levels 4 and 5)%n");
            }
        }
        o.printf("frames:            %d of %d samples per channel%n", h.frameCount(), h.frameLength());
        o.printf("file header:       %d bytes%n", h.sourceHeader().length);
        o.printf("stream header:     %d bytes%n", h.length());
        if (samples > 0) {
            o.printf("bits/sample:       %.3f (whole stream, without the model)%n", 8.0 * size / samples);
            long original = h.sourceHeader().length + 2 * samples;
            o.printf("ratio:             %.3f (file header and samples over stream size, without the model)%n",
                    (double) original / size);
        }
        return ExitCodes.OK;
    }
}
