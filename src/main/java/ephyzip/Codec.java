package ephyzip;

import ephyzip.format.InputKind;
import ephyzip.format.Inputs;
import ephyzip.format.RecordingReader;
import ephyzip.format.WavFile;
import ephyzip.io.BadInputException;
import ephyzip.model.Alphabet;
import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import ephyzip.predict.ModelPredictor;
import ephyzip.predict.Predictors;
import ephyzip.stream.ChannelPredictors;
import ephyzip.stream.CoderKind;
import ephyzip.stream.ModelMismatchException;
import ephyzip.residual.FastChannel;
import ephyzip.stream.FastRecord;
import ephyzip.stream.ResidualRecord;
import ephyzip.stream.StreamAlphabet;
import ephyzip.stream.StreamHeader;
import ephyzip.stream.StreamReader;
import ephyzip.stream.StreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * The public face of ephyzip: WAV recordings to {@code .ezp} streams and back, with one model.
 * Streams are coded frame by frame, each channel with its own predictor, so memory is bounded
 * by one frame whatever the length of the recording.
 */
public final class Codec {
    /** Samples per channel per frame unless asked otherwise: long enough that framing costs ~0.03%. */
    public static final int DEFAULT_FRAME = 1 << 14;

    private final ModelFile modelFile;
    private final int threads;
    private final long restartSamples;
    /** The fast path's variant that stands beside the grid path (levels 1 to 3), or -1: the residual path does. */
    private final int fastVariant;
    /** Whether the residual path may choose the presets with a long LMS stage (level 9). */
    private final boolean longStages;
    /**
     * Whether a network model's predictor may mix in each channel's histogram of classes (levels 7
     * to 9): {@link #TRIED} where it codes the survey smaller, {@link #ALWAYS}, or {@link #NEVER}.
     */
    private final int classHistogram;
    private static final int NEVER = 0;
    private static final int TRIED = 1;
    private static final int ALWAYS = 2;
    /**
     * Whether a network model's predictor runs its network on the grid path's arithmetic coder;
     * false at levels 4 and 5 (stream format 10): the geometric mix of the bigram table alone.
     */
    private final boolean network;
    private java.util.concurrent.ExecutorService pool;

    /**
     * Samples per channel between restart points by default, where every channel's predictor
     * starts fresh so that a reader can start decoding there. On the grid path a restart costs
     * almost nothing (0.004% of a long Neuralink recording at this interval); on the residual path
     * the least squares and the residual model relearn, about 0.05% to 0.15% of a wideband
     * recording per restart, so its interval is four times longer. docs/results.md, "Restart
     * points", has the measured trade-off of size against seek time.
     */
    public static final long DEFAULT_RESTART = 1 << 18;
    /** {@link #DEFAULT_RESTART} on the residual path. */
    public static final long DEFAULT_RESTART_RESIDUAL = 1 << 20;
    /** Restart points at the path's default interval. */
    private static final long PATH_DEFAULT = -1;

    /** A codec that codes each stream on the caller's thread. */
    public Codec(ModelFile modelFile) {
        this(modelFile, 1);
    }

    /**
     * A codec that codes the segments of a many-channel stream's frames on up to {@code threads}
     * threads (its streams are the same bytes whatever the thread count).
     */
    public Codec(ModelFile modelFile, int threads) {
        this(modelFile, threads, PATH_DEFAULT, -1, false, NEVER, true);
    }

    private Codec(ModelFile modelFile, int threads, long restartSamples, int fastVariant, boolean longStages,
                  int classHistogram, boolean network) {
        this.network = network;
        this.modelFile = modelFile;
        this.threads = Math.max(1, threads);
        this.restartSamples = restartSamples;
        this.fastVariant = fastVariant;
        this.longStages = longStages;
        this.classHistogram = classHistogram;
    }

    /**
     * This codec with the fast path at {@code variant} (0 fastest to 2 smallest; -1: none) in the
     * place of the residual path: where the grid does not fit, the recording takes the fast path
     * (what levels 1 to 3 do), and {@code FAST} asked for takes this variant.
     */
    public Codec withFastPath(int variant) {
        if (variant < -1 || variant >= FastChannel.VARIANTS) {
            throw new IllegalArgumentException("fast-path variant " + variant);
        }
        return new Codec(modelFile, threads, restartSamples, variant, longStages, classHistogram, network);
    }

    /**
     * This codec with every preset of the residual path tried (level 9), not only the lighter
     * ones: format 5's least squares of order 16 solved every 8 samples, with or without a 256-tap
     * LMS stage after it. The plan is kept only where it counts smaller than the lighter presets'
     * (docs/results.md, "Level 9": 0% to 0.17% smaller a source on other labs' recordings).
     */
    public Codec withLongStages() {
        return new Codec(modelFile, threads, restartSamples, fastVariant, true, classHistogram, network);
    }

    /**
     * This codec with a network model's predictor mixing in each channel's own histogram of step
     * classes (levels 7 to 9, stream format 9) where that codes the recording's first samples (the
     * survey's, up to 2^20 in all: all of a 5-s Neuralink recording) smaller than without: the
     * encoder codes them both ways first. On Neuralink recordings the network never saw, a noisy
     * one codes about 1% smaller, the others within 0.01% (docs/results.md, "Levels 7 to 9").
     * Streams of a bigram model, and of the residual, fast and stored paths, are as without it.
     * Where nothing is surveyed (a {@link #packetWriter}, a one-pass encode) it is taken.
     */
    public Codec withClassHistogram() {
        return new Codec(modelFile, threads, restartSamples, fastVariant, longStages, TRIED, network);
    }

    /**
     * This codec with the class histogram of {@link #withClassHistogram} in every network-model
     * stream of the grid path, without the trial (as a {@link #packetWriter} always has it).
     */
    public Codec withClassHistogramAlways() {
        return new Codec(modelFile, threads, restartSamples, fastVariant, longStages, ALWAYS, network);
    }

    /**
     * This codec with a network model's arithmetic-coded grid streams mixing the bigram table's
     * prediction alone, the network not run (levels 4 and 5, stream format 10): about twice as
     * fast to decode as the default level, for about 1% of its ratio (docs/results.md, "Levels 4
     * and 5"). No class histogram. Streams of a bigram model, of the rank coder, and of the
     * residual, fast and stored paths, are as without it.
     */
    public Codec withoutNetwork() {
        return new Codec(modelFile, threads, restartSamples, fastVariant, longStages, NEVER, false);
    }

    /** The fast path's variant when {@code FAST} is asked for and none was set. */
    public static final int FAST_DEFAULT_VARIANT = FastChannel.DEFAULT_VARIANT;

    /**
     * This codec with restart points every {@code samplesPerChannel} samples of each channel
     * (rounded down to whole frames, at least one; 0: none, so a reader decodes from the start).
     * Streams with no restart point inside them are format version 5.
     */
    public Codec withRestartEvery(long samplesPerChannel) {
        if (samplesPerChannel < 0) {
            throw new IllegalArgumentException("restart interval " + samplesPerChannel);
        }
        return new Codec(modelFile, threads, samplesPerChannel, fastVariant, longStages, classHistogram, network);
    }

    /** The pool segments run on, or null for one thread. Daemon threads: nothing to shut down. */
    private synchronized java.util.concurrent.ExecutorService pool() {
        if (threads > 1 && pool == null) {
            pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "ephyzip-segment");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /**
     * Channels per coder segment by default: one segment for mono, else at most 16 segments a
     * frame (enough for 16 cores; each costs a flush and a length, about 6 bytes a frame).
     */
    public static int defaultSegmentChannels(int channels) {
        return channels == 1 ? 0 : (channels + 15) / 16;
    }

    /**
     * Channels per segment for {@code coder}: the residual path codes channels in groups of 8 (each
     * channel's prediction reads the channels before it in its group, so a group should hold
     * neighbours; 8 groups of a 64-channel probe still run on 8 cores), the others as
     * {@link #defaultSegmentChannels}.
     */
    public static int segmentChannels(CoderKind coder, int channels) {
        if (coder.residual()) {
            return channels == 1 ? 0 : Math.min(channels, RESIDUAL_GROUP);
        }
        return defaultSegmentChannels(channels);
    }

    static final int RESIDUAL_GROUP = 8;

    public ModelFile modelFile() {
        return modelFile;
    }

    /**
     * Most samples (all channels) in a frame by default: the coder is flushed once per frame, not
     * per channel, so many channels lose nothing by shorter frames, and memory stays small.
     */
    public static final int DEFAULT_FRAME_SAMPLES = 1 << 20;

    /** The default frame length for {@code channels}: 16,384, less when a frame would pass 2^20 samples. */
    public static int defaultFrame(int channels) {
        return Math.max(1, Math.min(DEFAULT_FRAME, DEFAULT_FRAME_SAMPLES / channels));
    }

    /**
     * Samples per channel per frame of the residual path by default: its coder's flush and a frame's
     * length cost about 6 bytes a frame, 0.05% of a wideband channel at 16,384 (measured).
     */
    public static final int RESIDUAL_FRAME = 1 << 16;

    /** The default frame length of a stream coded as {@code plan} says. */
    static int defaultFrame(Plan plan, int channels) {
        int frame = plan.coder().residual() ? RESIDUAL_FRAME : DEFAULT_FRAME;
        return Math.max(1, Math.min(frame, DEFAULT_FRAME_SAMPLES / channels));
    }

    /**
     * How a recording is coded, decided once by the encoder: the coder, the header record (an
     * {@link StreamAlphabet} record, empty for the model's own alphabet; a residual or fast-path
     * record) and the alphabet its samples are coded in, built (the model's on the residual paths,
     * which code no tokens), which the writer takes as it is; and whether a network model's
     * predictor mixes in each channel's histogram of classes (format 9: only on the grid path).
     */
    public record Plan(CoderKind coder, byte[] alphabetRecord, Alphabet alphabet, boolean classHistogram) {
        /** A plan without the class histogram. */
        public Plan(CoderKind coder, byte[] alphabetRecord, Alphabet alphabet) {
            this(coder, alphabetRecord, alphabet, false);
        }

        Plan withClassHistogram() {
            return new Plan(coder, alphabetRecord, alphabet, true);
        }
    }

    /** {@code coder} as asked, with the model's alphabet (what a single pass can do). */
    private Plan planOf(CoderKind coder) {
        Plan p = new Plan(coder, coder == CoderKind.FAST ? FastRecord.of(FAST_DEFAULT_VARIANT) : new byte[0],
                modelFile.model().alphabet());
        return classHistogram != NEVER && histogramFits(p) ? p.withClassHistogram() : p;
    }

    /** Whether {@code plan} can take the class histogram: a network model on the grid path. */
    private boolean histogramFits(Plan plan) {
        return modelFile.model().cnn() != null && plan.coder().grid();
    }

    /**
     * {@code grid} with the class histogram where this codec takes it: always, or where the
     * survey's samples code smaller with it (stream headers included: format 9 always holds the
     * restart field, 4 bytes).
     */
    private Plan histogramChoice(Survey survey, Plan grid) throws BadInputException {
        return histogramChoice(survey, grid, -1);
    }

    /** {@link #histogramChoice(Survey, Plan)} where {@code gridBytes} of {@code grid} is known (-1: not yet). */
    private Plan histogramChoice(Survey survey, Plan grid, long plainBytes) throws BadInputException {
        if (classHistogram == NEVER || !histogramFits(grid)) {
            return grid;
        }
        Plan with = grid.withClassHistogram();
        if (classHistogram == ALWAYS || survey.prefix().length == 0) {
            return with;
        }
        long plain = plainBytes >= 0 ? plainBytes : gridBytes(survey, grid);
        return gridBytes(survey, with) < plain ? with : grid;
    }

    /**
     * A recording's escapes above this share go faster and smaller as they are: no model predicts
     * it (full-range noise), so the stream stores it.
     */
    private static final double STORE_ABOVE_ESCAPES = 0.5;

    /**
     * The plan for a recording whose sample values have {@code histogram} ({@code [v + 32768]},
     * see {@link #histogram}): the stream's own alphabet where the model's does not fit it
     * (another scale, offset or grid), and stored samples where no alphabet fits.
     */
    public Plan plan(long[] histogram, CoderKind coder) throws BadInputException {
        Alphabet model = modelFile.model().alphabet();
        byte[] record = StreamAlphabet.choose(model, histogram);
        Alphabet chosen;
        try {
            chosen = StreamAlphabet.read(record, model, 0);
        } catch (BadInputException e) {
            throw new IllegalStateException("an alphabet record this codec wrote does not read back", e);
        }
        if (StreamAlphabet.escapeShare(chosen, histogram) > STORE_ABOVE_ESCAPES) {
            return new Plan(CoderKind.STORED, new byte[0], model);
        }
        return new Plan(coder, record, chosen);
    }

    /** Reads all of {@code in} and counts its sample values (index: value + 32768). */
    public static long[] histogram(RecordingReader in) throws IOException {
        return Survey.of(in).histogram();
    }

    /**
     * The plan for a surveyed recording. {@code ARITH} (the default) chooses between the model's
     * grid (the network and table on tokens, in the alphabet {@link #plan(long[], CoderKind)}
     * fits) and the residual path, by which codes the survey's first samples smaller;
     * {@code RANK} keeps the grid, {@code RESIDUAL} the residual path, {@code STORED} stores.
     */
    public Plan plan(Survey survey, CoderKind coder) throws BadInputException {
        if (coder == CoderKind.RESIDUAL) {
            return residualPlan(survey).plan();
        }
        if (coder == CoderKind.FAST) {
            return new Plan(CoderKind.FAST, FastRecord.of(fastVariant >= 0 ? fastVariant : FAST_DEFAULT_VARIANT),
                    modelFile.model().alphabet());
        }
        Plan grid = plan(survey.histogram(), coder);
        if (coder != CoderKind.ARITH || survey.prefix().length == 0) {
            return histogramChoice(survey, grid);
        }
        // a first look on a few samples settles most recordings (Neuralink's: the grid by 2x; a
        // wideband amplifier's: the residual path by as much) without the full trials
        Survey first = survey.first(QUICK_TRIAL_SAMPLES);
        long quickGrid = gridBytes(first, grid);
        long quickResidual = fastVariant >= 0
                ? FastRecord.bytes(first.channelsOf(), first.prefixSamples(), fastVariant)
                : ResidualRecord.count(first.channelsOf(), first.prefixSamples(),
                segmentChannels(CoderKind.RESIDUAL, survey.channels()));
        if (quickResidual > quickGrid + (quickGrid >> 3)) {
            return histogramChoice(survey, grid);
        }
        Trial residual = fastVariant >= 0 ? fastPlan(survey) : residualPlan(survey);
        if (quickGrid > quickResidual + (quickResidual >> 3)) {
            return residual.plan();
        }
        long onGrid = gridBytes(survey, grid);
        return residual.bytes() < onGrid ? residual.plan() : histogramChoice(survey, grid, onGrid);
    }

    /** Samples per channel of the first look at a recording (the whole survey when it is shorter). */
    static final int QUICK_TRIAL_SAMPLES = 1 << 13;

    /** What the survey's samples code to on the grid path as {@code grid} plans it. */
    private long gridBytes(Survey survey, Plan grid) throws BadInputException {
        if (grid.coder() == CoderKind.STORED) {
            return 2L * survey.prefix().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordingReader in = WavFile.of(1, survey.channels(), survey.prefix()).reader()) {
            encode(in, out, grid, defaultFrame(survey.channels()), defaultPredictors);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.size();
    }

    /** The residual path with each channel's best predictor preset on the survey, and the bytes that took. */
    private record Trial(Plan plan, long bytes) {
    }

    /** The fast path at this codec's variant, and what the survey's samples code to on it. */
    private Trial fastPlan(Survey survey) {
        long bytes = FastRecord.bytes(survey.channelsOf(), survey.prefixSamples(), fastVariant);
        return new Trial(new Plan(CoderKind.FAST, FastRecord.of(fastVariant), modelFile.model().alphabet()), bytes);
    }

    private Trial residualPlan(Survey survey) {
        ResidualRecord.Choice choice = ResidualRecord.choose(survey.channelsOf(), survey.prefixSamples(),
                segmentChannels(CoderKind.RESIDUAL, survey.channels()), survey.prefixSamples() == survey.samplesPerChannel(),
                longStages);
        return new Trial(new Plan(CoderKind.RESIDUAL, choice.record(), modelFile.model().alphabet()), choice.bytes());
    }


    /**
     * Encodes a file of any kind {@link Inputs} reads (null {@code layout}: told by the file and its
     * sidecars) in the alphabet that fits it: two passes, its values, then the coding. What the
     * CLI's encode and the archive job write, byte for byte. {@code frameLength} null: the default;
     * {@code total} hears the samples per channel once, {@code progress} how many each read of the
     * coding pass brought (either may be null).
     */
    public void encodeFile(Path file, Inputs.Layout layout, OutputStream out, CoderKind coder, Integer frameLength,
                           java.util.function.LongConsumer total, java.util.function.LongConsumer progress)
            throws BadInputException, IOException {
        Plan plan;
        try (RecordingReader r = Inputs.open(file, layout)) {
            if (total != null) {
                total.accept(r.samplesPerChannel());
            }
            plan = plan(Survey.of(r), coder);
        }
        try (RecordingReader r = Inputs.open(file, layout)) {
            if (progress != null) {
                r.onRead(progress);
            }
            encode(r, out, plan, frameLength != null ? frameLength : 0);
        }
    }

    /** Encodes an in-memory recording, in the alphabet that fits it best. */
    public byte[] encode(WavFile wav, CoderKind coder) throws BadInputException {
        return encode(wav, coder, 0, defaultPredictors);
    }

    /** {@link #encode(WavFile, CoderKind)} in frames of {@code frameLength} (0: the path's default). */
    public byte[] encode(WavFile wav, CoderKind coder, int frameLength) throws BadInputException {
        return encode(wav, coder, frameLength, defaultPredictors);
    }

    /**
     * Encodes with given predictors of this model (a measuring wrapper, or another fallback
     * threshold), one per channel; only a decode with identical predictors reads it. They must be
     * those of the format the plan writes: this codec's without a class histogram (or always with it).
     * {@code frameLength} 0: the default of the path the encoder chooses.
     */
    public byte[] encode(WavFile wav, CoderKind coder, int frameLength, IntFunction<ModelPredictor> predictors)
            throws BadInputException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(wav.sampleCount() + 1024);
        try (RecordingReader first = wav.reader(); RecordingReader in = wav.reader()) {
            encode(in, out, plan(Survey.of(first), coder), frameLength, predictors);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    /**
     * Encodes a recording of any length from {@code in} to {@code out} in one pass, one frame at a
     * time, in the model's alphabet; {@link #encode(RecordingReader, OutputStream, Plan, int)}
     * with a {@link #plan} fits recordings on other grids.
     */
    public void encode(RecordingReader in, OutputStream out, CoderKind coder, int frameLength)
            throws BadInputException, IOException {
        encode(in, out, planOf(coder), frameLength, defaultPredictors);
    }

    /** Encodes {@code in} to {@code out} as {@code plan} says, one frame at a time. */
    public void encode(RecordingReader in, OutputStream out, Plan plan, int frameLength)
            throws BadInputException, IOException {
        encode(in, out, plan, frameLength, defaultPredictors);
    }

    private void encode(RecordingReader in, OutputStream out, Plan plan, int frameLength,
                        IntFunction<ModelPredictor> predictors) throws BadInputException, IOException {
        if (frameLength <= 0) {
            frameLength = defaultFrame(plan, in.channels());
        }
        StreamWriter w = writer(out, plan, in.kind(), in.rate(), in.channels(), frameLength, in.samplesPerChannel(),
                in.header(), predictors);
        short[] frame = new short[frameLength * in.channels()];
        for (int n; (n = w.nextFrameSamples()) > 0; ) {
            in.read(frame, n);
            w.writeFrame(frame);
        }
        w.finish(in.trailer());
    }

    /** The WAV file's bytes. */
    public byte[] decode(byte[] stream) throws BadInputException {
        return decode(stream, defaultPredictors);
    }

    /** Decodes with given predictors; see {@link #encode(WavFile, CoderKind, int, IntFunction)}. */
    public byte[] decode(byte[] stream, IntFunction<ModelPredictor> predictors) throws BadInputException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(stream.length * 4);
        try {
            decode(new ByteArrayInputStream(stream), out, predictors);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    /**
     * Decodes the stream in {@code in} and writes the WAV file to {@code out} as frames arrive.
     * On a {@link BadInputException} part of the file may have been written: callers write to a
     * temporary file and keep it only on success.
     */
    public void decode(InputStream in, OutputStream out) throws BadInputException, IOException {
        decode(in, out, defaultPredictors);
    }

    private void decode(InputStream in, OutputStream out, IntFunction<ModelPredictor> predictors)
            throws BadInputException, IOException {
        StreamReader r = open(in, predictors);
        out.write(r.header().sourceHeader());
        while (r.nextFrame() != null) {
            out.write(r.frameBytes(), 0, r.frameByteCount());
        }
        out.write(r.trailer());
    }

    /**
     * Opens a stream for decoding frame by frame (a receiver on a live link): reads and checks
     * the header, and the model the stream needs.
     */
    public StreamReader open(InputStream in) throws BadInputException, IOException {
        return open(in, defaultPredictors);
    }

    /**
     * Opens a stream positioned at sample {@code sample} (of each channel): the next
     * {@link StreamReader#nextFrame} returns the frame that holds it, which starts at sample
     * {@code nextFrameIndex() * header().frameLength()}. Frames before the stream's last restart
     * point before it are skipped unread ({@code in.skip}: a file's bytes are not read), the rest
     * decoded and dropped; a stream without restart points decodes from its start.
     */
    public StreamReader openAt(InputStream in, long sample) throws BadInputException, IOException {
        StreamReader r = open(in, defaultPredictors);
        long n = r.header().samplesPerChannel();
        if (sample < 0 || sample > n) {
            throw new IllegalArgumentException("sample " + sample + " of a recording of " + n);
        }
        r.seekFrame(sample / r.header().frameLength());
        return r;
    }

    /**
     * A writer for a link that carries each frame in a packet of its own ({@link StreamWriter#packet}):
     * send {@code header().toBytes()} once, then one packet per frame.
     */
    public StreamWriter packetWriter(CoderKind coder, int channels, int frameLength, long samplesPerChannel,
                                     byte[] wavHeader) throws BadInputException, IOException {
        return writer(OutputStream.nullOutputStream(), planOf(coder), InputKind.WAV, WavFile.rateOf(wavHeader),
                channels, frameLength, samplesPerChannel, wavHeader, defaultPredictors);
    }

    /** Checks the sizes, writes the header to {@code out} and returns the writer of the frames. */
    private StreamWriter writer(OutputStream out, Plan plan, InputKind kind, double rate, int channels,
                                int frameLength, long samplesPerChannel, byte[] sourceHeader,
                                IntFunction<ModelPredictor> predictors) throws BadInputException, IOException {
        if (!(rate >= 0 && rate < 1e9)) {
            // informative only: an impossible rate in a file's header (0xFFFFFFFF, a NaN in a
            // sidecar) stays in the header verbatim and is recorded as not stated
            rate = 0;
        }
        String problem = StreamHeader.problem(kind, channels, frameLength, samplesPerChannel, sourceHeader.length);
        if (problem != null) {
            throw new BadInputException("cannot encode: " + problem);
        }
        Model model = modelFile.model();
        long frames = (samplesPerChannel + frameLength - 1) / frameLength;
        long restart = restartSamples != PATH_DEFAULT ? restartSamples
                : plan.coder().residual() ? DEFAULT_RESTART_RESIDUAL : DEFAULT_RESTART;
        long restartFrames = restart == 0 ? 0 : Math.max(1, restart / frameLength);
        boolean restarts = restartFrames > 0 && frames > restartFrames && restartFrames <= Integer.MAX_VALUE;
        // the fast path came with version 7, the residual path's presets 3 to 11 with 8, the class
        // histogram with 9, the mix without the network with 10; otherwise, without a restart point
        // inside the stream, version 5: the bytes earlier releases wrote
        boolean histogram = plan.classHistogram() && histogramFits(plan);
        boolean bigramMix = !network && plan.coder() == CoderKind.ARITH && model.cnn() != null;
        int version = bigramMix ? StreamHeader.VERSION_10 : histogram ? StreamHeader.VERSION_9
                : plan.coder() == CoderKind.FAST ? StreamHeader.VERSION_7
                : plan.coder() == CoderKind.RESIDUAL && ResidualRecord.needsVersion8(plan.alphabetRecord())
                ? StreamHeader.VERSION_8 : restarts ? StreamHeader.VERSION_6 : StreamHeader.VERSION_5;
        if (predictors == defaultPredictors) { // the predictor of the version written
            int v = version;
            predictors = c -> Predictors.forVersion(model, v);
        }
        StreamHeader h = new StreamHeader(version, plan.coder(),
                modelFile.fingerprint(), channels, frameLength, samplesPerChannel, kind, rate, sourceHeader,
                plan.alphabetRecord(), segmentChannels(plan.coder(), channels), restarts ? (int) restartFrames : 0);
        return new StreamWriter(out, h, plan.coder().coderFor(model, h, pool()), plan.alphabet(),
                new ChannelPredictors(channels, predictors));
    }

    /** The model's own predictors; on decode, replaced by those of the stream's format version. */
    private final IntFunction<ModelPredictor> defaultPredictors = this::newPredictor;

    /** A fresh predictor of this model for one channel, of the current stream format. */
    private ModelPredictor newPredictor(int channel) {
        return Predictors.of(modelFile.model());
    }

    /** The receiving end of {@link #packetWriter}: give it the header, then each packet to {@link StreamReader#decodePacket}. */
    public StreamReader openPackets(byte[] header) throws BadInputException, IOException {
        return open(new ByteArrayInputStream(header), defaultPredictors);
    }

    private StreamReader open(InputStream in, IntFunction<ModelPredictor> predictors) throws BadInputException, IOException {
        StreamHeader h = StreamHeader.read(in);
        if (predictors == defaultPredictors) { // the predictor the stream's format prescribes
            Model m = modelFile.model();
            predictors = c -> Predictors.forVersion(m, h.version());
        }
        // the residual path reads no model: its streams decode with any (the header still names the encoder's)
        if (!h.coder().residual() && !h.modelFingerprint().equals(modelFile.fingerprint())) {
            throw new ModelMismatchException("stream was encoded with model " + h.modelFingerprint()
                    + " but the model given is " + modelFile.fingerprint() + "; decode with the model whose"
                    + " fingerprint is " + h.modelFingerprint());
        }
        Model model = modelFile.model();
        Alphabet alphabet = h.coder().residual() ? model.alphabet() // the residual paths have none
                : StreamAlphabet.read(h.alphabetRecord(), model.alphabet(), StreamHeader.fixedBytes(h.version())
                + h.sourceHeader().length + 2);
        return new StreamReader(in, h, h.coder().coderFor(model, h, pool()), alphabet,
                new ChannelPredictors(h.channels(), predictors));
    }
}
