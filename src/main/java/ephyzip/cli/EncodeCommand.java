package ephyzip.cli;

import ephyzip.Codec;
import ephyzip.io.BadInputException;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;
import ephyzip.wav.WavFormatException;
import ephyzip.wav.WavReader;
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

    @Option(names = "--frame", paramLabel = "N", description = {
            "Samples per channel in each frame of the stream; a receiver decodes frame by frame, so N bounds the"
                    + " latency (20 = 1 ms at 19.5 kHz). Default: 16384 (fewer when channels x N would pass "
                    + Codec.DEFAULT_FRAME_SAMPLES + "; the limit is " + StreamHeader.MAX_FRAME_SAMPLES + ")."})
    Integer frame;

    @Mixin
    FileOptions io;

    @Override
    public Integer call() throws Exception {
        if (frame != null && (frame < 1 || frame > StreamHeader.MAX_FRAME_SAMPLES)) {
            throw new UsageException("--frame must be 1 to " + StreamHeader.MAX_FRAME_SAMPLES);
        }
        Codec codec = new Codec(model.load());
        return FileJob.run(io, ".wav", ".ezp", spec.commandLine().getErr(), "encode", (in, out, progress) -> {
            try (WavReader r = WavReader.open(in)) {
                progress.total(r.samplesPerChannel());
                r.onRead(progress::step);
                codec.encode(r, out, coder, frame != null ? frame : Codec.defaultFrame(r.channels()));
            } catch (WavFormatException e) {
                throw e;
            } catch (BadInputException e) {
                throw new BadInputException(in + ": " + e.getMessage());
            }
        });
    }
}
