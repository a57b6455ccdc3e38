package ephyzip.compare;

import ephyzip.Codec;
import ephyzip.format.WavFile;
import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import ephyzip.predict.ModelPredictor;
import ephyzip.predict.Predictors;
import ephyzip.predict.RankStats;
import ephyzip.stream.CoderKind;
import java.util.Arrays;

/** ephyzip with one model and one coder (and, for the rank coder, optionally no fallback). */
public final class EphyzipContender implements Contender {
    private final String name;
    private final Codec codec;
    private final CoderKind coder;
    private final Integer threshold;
    private final int frameLength;
    private final boolean withoutNetwork;
    /**
     * The codec's own predictors, as {@code encode} runs it (levels 7 to 9: the encoder chooses
     * format 9's class histogram per recording), not this contender's.
     */
    private final boolean ownPredictors;

    /** {@code threshold}: the rank coder's fallback threshold, or null for the model's own. */
    public EphyzipContender(String name, ModelFile model, CoderKind coder, Integer threshold) {
        this(name, model, coder, threshold, Codec.DEFAULT_FRAME);
    }

    /** {@code frameLength}: samples per channel per stream frame. */
    public EphyzipContender(String name, ModelFile model, CoderKind coder, Integer threshold, int frameLength) {
        this(name, model, coder, threshold, frameLength, false);
    }

    /**
     * {@code withoutNetwork}: a network model's predictor with its network's component removed
     * ({@link Predictors#withoutNetwork}), to show what the network itself is worth.
     */
    public EphyzipContender(String name, ModelFile model, CoderKind coder, Integer threshold, int frameLength,
                            boolean withoutNetwork) {
        this(name, new Codec(model), coder, threshold, frameLength, withoutNetwork, false);
    }

    private EphyzipContender(String name, Codec codec, CoderKind coder, Integer threshold, int frameLength,
                             boolean withoutNetwork, boolean ownPredictors) {
        this.withoutNetwork = withoutNetwork;
        this.ownPredictors = ownPredictors;
        this.name = name;
        this.codec = codec;
        this.coder = coder;
        this.threshold = threshold;
        this.frameLength = frameLength;
    }

    /**
     * What {@code encode -N} does for a level of 1 to 3: {@code model} (the bigram model) on the
     * grid, or the fast path at variant {@code level - 1} where the grid does not fit.
     */
    public static EphyzipContender fastLevel(int level, ModelFile model) {
        return new EphyzipContender("level-" + level, new Codec(model).withFastPath(level - 1), CoderKind.ARITH, null,
                Codec.DEFAULT_FRAME, false, false);
    }

    /**
     * What {@code encode -4} and {@code -5} do: the default model's mix of the bigram table alone,
     * the network not run (stream format 10 on the grid path).
     */
    public static EphyzipContender middleLevel(ModelFile model) {
        return new EphyzipContender("level-4", new Codec(model).withoutNetwork(), CoderKind.ARITH, null,
                Codec.DEFAULT_FRAME, false, true);
    }

    /**
     * What {@code encode -9} does: the default model, each channel's class histogram mixed in where
     * the encoder finds it codes smaller, the residual path's heavier presets allowed.
     */
    public static EphyzipContender bestLevel(ModelFile model) {
        return new EphyzipContender("level-9", new Codec(model).withLongStages().withClassHistogram(), CoderKind.ARITH,
                null, Codec.DEFAULT_FRAME, false, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long modelBytes() {
        return codec.modelFile().byteCount();
    }

    @Override
    public String modelKind() {
        return codec.modelFile().model().kind().label;
    }

    @Override
    public boolean ranks() {
        return coder == CoderKind.RANK;
    }

    private ModelPredictor predictor() {
        Model m = codec.modelFile().model();
        if (withoutNetwork) {
            return Predictors.withoutNetwork(m);
        }
        return threshold == null ? Predictors.of(m) : Predictors.of(m, threshold);
    }

    @Override
    public FileResult run(byte[] file, int samples) throws Exception {
        WavFile wav = WavFile.parse("input", file);
        RankStats stats = ranks() ? new RankStats() : null;
        long t0 = System.nanoTime();
        int frame = frameLength == Codec.DEFAULT_FRAME ? 0 : Math.min(frameLength, Codec.defaultFrame(wav.channels()));
        // rank statistics are gathered over every channel, as the shares are of all samples
        byte[] packed = ownPredictors ? codec.encode(wav, coder, frame)
                : codec.encode(wav, coder, frame, c -> stats != null ? stats.wrap(predictor()) : predictor());
        long t1 = System.nanoTime();
        boolean same;
        try {
            same = Arrays.equals(ownPredictors ? codec.decode(packed) : codec.decode(packed, c -> predictor()), file);
        } catch (Exception e) {
            same = false;
        }
        long t2 = System.nanoTime();
        return new FileResult(file.length, packed.length, samples, same, t1 - t0, t2 - t1, stats);
    }
}
