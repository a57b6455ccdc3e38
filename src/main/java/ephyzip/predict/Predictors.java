package ephyzip.predict;

import ephyzip.model.Model;

/** Builds the predictor a model prescribes for one channel. */
public final class Predictors {
    private Predictors() {
    }

    /**
     * How this JVM runs the network's dot products: "vector, N-bit" on the CPU's vector units
     * (jdk.incubator.vector present), else "scalar". Both give the same bits; the vector path is faster.
     */
    public static String inferencePath() {
        return Dot.VECTOR ? "vector, " + (Dot.LANES * 32) + "-bit" : "scalar";
    }

    /** A fresh predictor for one channel, as the current stream format prescribes for {@code model}. */
    public static ModelPredictor of(Model model) {
        return of(model, model.thresholdQ16());
    }

    /** A fresh predictor whose rank coder falls back below {@code thresholdQ16} (0: never). */
    public static ModelPredictor of(Model model, int thresholdQ16) {
        int start = model.alphabet().nearest(0);
        if (model.cnn() == null) {
            return new BigramPredictor(model.bigram(), start);
        }
        return new CnnPredictor(model.cnn(), model.bigram(), start, thresholdQ16);
    }

    /**
     * The predictor streams of format {@code version} were written with: format 10's geometric
     * mixer of the bigram table alone, the network not run (written at levels 4 and 5); format 9's
     * geometric mixer with the recording's histogram of classes (levels 7 to 9); format 4's
     * geometric mixer; or the linear one of formats 2 and 3.
     */
    public static ModelPredictor forVersion(Model model, int version) {
        if (model.cnn() == null) {
            return of(model);
        }
        if (version == BIGRAM_MIX_VERSION) {
            return withoutNetwork(model);
        }
        CnnPredictor.Mix mix = version == HISTOGRAM_VERSION ? CnnPredictor.Mix.GEOMETRIC_WITH_HISTOGRAM
                : version >= GEOMETRIC_VERSION ? CnnPredictor.Mix.GEOMETRIC : CnnPredictor.Mix.LINEAR;
        return new CnnPredictor(model.cnn(), model.bigram(), model.alphabet().nearest(0), model.thresholdQ16(),
                CnnPredictor.ALL, 0, mix);
    }

    /** The first stream format whose network predictor mixes geometrically. */
    public static final int GEOMETRIC_VERSION = 4;
    /** The first stream format whose network predictor mixes in the recording's histogram of classes. */
    public static final int HISTOGRAM_VERSION = 9;
    /** The stream format whose network model's predictor mixes the bigram table alone (levels 4 and 5). */
    public static final int BIGRAM_MIX_VERSION = 10;

    /**
     * A network model's predictor whose network's output layer learns each channel while coding,
     * at rate 2^-{@code learnShift} (a measurement, {@code bench.OnlineLearning}; streams it codes
     * decode only with the same predictor, and only where jdk.incubator.vector is present).
     */
    public static ModelPredictor learning(Model model, int learnShift) {
        // measured with format 3's linear mixer, whose network weights it reads
        return new CnnPredictor(model.cnn(), model.bigram(), model.alphabet().nearest(0), model.thresholdQ16(),
                CnnPredictor.ALL, learnShift, CnnPredictor.Mix.LINEAR);
    }

    /**
     * A network model's predictor with the network's component removed and everything else the
     * same (the bigram table, the recording's histograms, the wide-step coder): the network's
     * worth is the difference. Streams it codes decode only with it. A bigram model's own predictor.
     */
    public static ModelPredictor withoutNetwork(Model model) {
        if (model.cnn() == null) {
            return of(model);
        }
        return without(model, java.util.EnumSet.of(MixerComponent.NETWORK));
    }

    /**
     * A network model's predictor with some mixer components removed and everything else the
     * same (an ablation; streams it codes decode only with it). At least one component must stay.
     */
    public static ModelPredictor without(Model model, java.util.Set<MixerComponent> removed) {
        return without(model, removed, true);
    }

    /** {@link #without(Model, java.util.Set)} with format 4's geometric mixer or format 3's linear one. */
    public static ModelPredictor without(Model model, java.util.Set<MixerComponent> removed, boolean geometric) {
        if (model.cnn() == null) {
            throw new IllegalArgumentException("ablations need a network model");
        }
        boolean[] parts = new boolean[MixerComponent.values().length];
        for (MixerComponent c : MixerComponent.values()) {
            parts[c.ordinal()] = !removed.contains(c);
        }
        return new CnnPredictor(model.cnn(), model.bigram(), model.alphabet().nearest(0), model.thresholdQ16(), parts, 0,
                geometric ? CnnPredictor.Mix.GEOMETRIC : CnnPredictor.Mix.LINEAR);
    }
}
