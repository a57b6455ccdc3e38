package ephyzip.cli;

import ephyzip.Codec;
import ephyzip.format.Inputs;
import ephyzip.io.BadInputException;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Compress recordings: WAV (16-bit PCM, any channels), SpikeGLX (NAME.bin beside NAME.meta),"
                + " Open Ephys (continuous.dat under its structure.oebin), or any flat interleaved 16-bit file"
                + " with --channels and --rate.",
                "  encode [options] FILES...            each FILE to FILE.ezp beside it",
                "  encode [options] IN OUT.ezp",
                "  encode [options] -o OUTDIR FILES_OR_DIRS...",
                "  encode [options] -c FILE > OUT.ezp   (- reads standard input)"})
final class EncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where messages go when {@link QuickLine} built this command (no picocli spec then). */
    PrintWriter err;

    @Mixin
    ModelOption model;

    @Mixin
    LevelOption level;

    @Option(names = "--coder", paramLabel = "CODER", description = "arith (the default: the network on the model's "
            + "grid or the residual path, whichever codes the first samples smaller), rank (the grid path), residual, or fast"
            + " (the fast residual path of levels 1 to 3).",
            defaultValue = "arith", converter = CoderConverter.class)
    CoderKind coder;

    /** {@link #coder} when none is given (picocli's default value above names it). */
    static final CoderKind DEFAULT_CODER = CoderKind.ARITH;

    @Option(names = "--frame", paramLabel = "N", description = {
            "Samples per channel in each frame of the stream; a receiver decodes frame by frame, so N bounds the"
                    + " latency (20 = 1 ms at 19.5 kHz). Default: 16384, on the residual path 65536 (fewer when channels x N would pass "
                    + Codec.DEFAULT_FRAME_SAMPLES + "; the limit is " + StreamHeader.MAX_FRAME_SAMPLES + ")."})
    Integer frame;

    @Option(names = "--channels", paramLabel = "N", description = "A flat file's channels (with --rate): read it"
            + " as interleaved 16-bit little-endian samples (Kilosort .dat, Intan amplifier.dat).")
    Integer channels;

    @Option(names = "--rate", paramLabel = "HZ", description = "A flat file's sample rate, recorded in the stream.")
    Double rate;

    @Option(names = "--restart", paramLabel = "N", description = "Samples per channel between restart points, where"
            + " a reader can start decoding (decode --from); 0: none. Default: " + Codec.DEFAULT_RESTART
            + ", on the residual path " + Codec.DEFAULT_RESTART_RESIDUAL + ". Each costs what the predictors relearn.")
    Long restart;

    @Option(names = "--verify", description = "Decode each stream and compare it with its input before it replaces"
            + " anything; a difference (a bug in ephyzip) is exit 1 and leaves no output.")
    boolean verify;

    @Mixin
    FileOptions io;

    @Override
    public Integer call() throws Exception {
        if (frame != null && (frame < 1 || frame > StreamHeader.MAX_FRAME_SAMPLES)) {
            throw new UsageException("--frame must be 1 to " + StreamHeader.MAX_FRAME_SAMPLES);
        }
        if ((channels == null) != (rate == null)) {
            throw new UsageException("--channels and --rate go together");
        }
        if (channels != null && (channels < 1 || channels > Inputs.MAX_CHANNELS || !(rate > 0 && rate < 1e9))) {
            throw new UsageException("--channels must be 1 to " + Inputs.MAX_CHANNELS + " and --rate positive");
        }
        Inputs.Layout layout = channels == null ? null : new Inputs.Layout(channels, rate);
        if (restart != null && restart < 0) {
            throw new UsageException("--restart must be 0 (none) or a number of samples");
        }
        level.check();
        if (level.given() && model.model != null) {
            throw new UsageException("give a level (-" + level.level() + ") or a model (--model), not both");
        }
        // encode --verify decodes too: the same samples
        InferencePath.forSamples(InferencePath.inRecordings(io.files));
        Codec codec = new Codec(level.given() ? ModelOption.load(ModelOption.shipped(level.model())) : model.load(),
                io.threadsPerFile());
        if (restart != null) {
            codec = codec.withRestartEvery(restart);
        }
        if (level.longStages()) {
            codec = codec.withLongStages();
        }
        if (!level.network()) {
            codec = codec.withoutNetwork();
        }
        if (level.classHistogram()) {
            codec = codec.withClassHistogram();
        }
        if (level.fastVariant() >= 0 || coder == CoderKind.FAST) {
            codec = codec.withFastPath(level.fastVariant() >= 0 ? level.fastVariant() : Codec.FAST_DEFAULT_VARIANT);
        }
        Codec c = codec;
        FileJob.Naming naming = new FileJob.Naming("encode", Outputs::encodedName,
                args -> args.size() == 2 && args.get(1).toString().toLowerCase().endsWith(Outputs.EXT),
                EncodeCommand::isRecording);
        return FileJob.run(io, naming, err(), (in, out, progress) -> {
            try {
                c.encodeFile(in, layout, out, coder, frame, progress::total, progress::step);
            } catch (BadInputException e) {
                String m = e.getMessage();
                throw m.startsWith(in.toString()) ? e : new BadInputException(in + ": " + m);
            }
        }, !verify ? null : (in, written) -> {
            String difference = VerifyCommand.compare(c, written, in);
            if (difference != null) {
                throw new IllegalStateException("verification failed: the stream for " + in + " does not decode to it ("
                        + difference + "); nothing was written. Please report this with the input file");
            }
        });
    }

    /** What a directory given to encode contributes: recordings, not sidecars or streams. */
    private static boolean isRecording(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".wav") || n.endsWith(".bin") || n.endsWith(".dat");
    }

    private PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : err;
    }
}
