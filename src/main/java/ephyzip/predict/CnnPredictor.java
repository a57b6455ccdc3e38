package ephyzip.predict;

import ephyzip.coding.ArithmeticDecoder;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.coding.CumulativeFrequencies;
import ephyzip.coding.Ranking;
import ephyzip.io.CorruptStreamException;
import ephyzip.model.Activity;
import ephyzip.model.BigramTable;
import ephyzip.model.CnnWeights;

/**
 * Predicts the next token with the network. The network gives a distribution over the step to
 * the next token within +-band, plus one class for "elsewhere". For the arithmetic coder that
 * distribution is mixed with the bigram table's by the stream format's {@link CnnMix} (format 4
 * and later: geometrically, with two weights each channel learns, {@link GeometricMix}; at levels
 * 7 to 9, format 9, with the channel's own histogram of classes too); a token
 * elsewhere (or an escape) is then coded by {@link WideStepCoder}. The rank coder ranks the
 * tokens in the band by that same mixed distribution, and the rest after them in bigram order
 * ({@link BandRanking}); when the most likely token's probability is below the model's threshold,
 * the bigram ranking is used instead.
 */
public final class CnnPredictor implements ModelPredictor {
    private final CnnWeights weights;
    private final BigramTable bigram;
    private final int size;
    private final int startToken;
    private final int thresholdQ16;
    /** The network, or null where it is not run ({@link #withNetwork} false). */
    private final CnnNet net;
    private final int band;
    private final int other;
    /** The stream format's mix of the network and the table. */
    private final CnnMix mix;
    private final int[] mixedCum;
    private final CumulativeFrequencies mixedTable;
    /** Mixed frequency of each step class (0 for "other" and for steps that name no token). */
    private final int[] rankWeight;
    private boolean ranked;
    /** The in-band classes that name a token at the last prediction: lo..hi-1. */
    private int lo;
    private int hi;
    private final WideStepCoder wide;
    private final ProtocolCheck check = new ProtocolCheck();
    private final int[] zeros;
    private final BandRanking bandRanking;
    private int prev;
    private int prevPrev;
    private final Activity activity = new Activity();
    /** False for networks of two inputs (the shipped ones): no activity to keep. */
    private final boolean readsActivity;
    private final int[] features;
    /** False: the network is not run and its mixer component is left out (compare's "-nonet" rows). */
    private final boolean withNetwork;

    /**
     * The predictor of the current stream format (the network and the bigram mixed geometrically).
     * {@code thresholdQ16}: fall back to bigram ranks when the top class is below this / 2^16.
     */
    public CnnPredictor(CnnWeights weights, BigramTable bigram, int startToken, int thresholdQ16) {
        this(weights, bigram, startToken, thresholdQ16, ALL, 0, Mix.GEOMETRIC);
    }

    static final boolean[] ALL = {true, true, true, true};

    /** The stream format's mix: formats 2 and 3 linear; 4 to 8 geometric; 9 (levels 7 to 9) geometric with the class histogram. */
    enum Mix { LINEAR, GEOMETRIC, GEOMETRIC_WITH_HISTOGRAM }

    /**
     * {@code parts[i]}: {@link MixerComponent} i is mixed in (an ablation when some is not; the
     * geometric mixes have only the network and the bigram); {@code learnShift} > 0: the output
     * layer learns at that rate (a measurement, {@link Mix#LINEAR} only).
     */
    CnnPredictor(CnnWeights weights, BigramTable bigram, int startToken, int thresholdQ16, boolean[] parts,
                 int learnShift, Mix kind) {
        this.withNetwork = parts[0];
        this.weights = weights;
        this.bigram = bigram;
        this.size = bigram.size();
        this.startToken = startToken;
        this.thresholdQ16 = thresholdQ16;
        this.net = withNetwork ? new CnnNet(weights, learnShift == 0) : null; // levels 4 and 5 never run it
        this.features = new int[weights.features()];
        this.readsActivity = weights.features() > CnnWeights.BASE_FEATURES;
        this.band = weights.band();
        this.other = 2 * band;
        this.zeros = new int[weights.classes()];
        this.rankWeight = new int[weights.classes()];
        if (kind != Mix.LINEAR) {
            this.mix = new GeometricMix(weights.classes(), bigram, band, parts[0], parts[1],
                    kind == Mix.GEOMETRIC_WITH_HISTOGRAM);
        } else {
            LinearMix linear = new LinearMix(weights.classes(), bigram, band, parts);
            this.mix = learnShift > 0 && withNetwork ? new OutputLearning(net, linear, weights.classes(), learnShift)
                    : linear;
        }
        this.mixedCum = mix.cumulative();
        this.mixedTable = new CumulativeFrequencies(mixedCum);
        this.wide = new WideStepCoder(band, size);
        this.bandRanking = new BandRanking(weights, size);
        reset();
    }

    @Override
    public int alphabetSize() {
        return size;
    }

    @Override
    public void reset() {
        if (net != null) {
            net.reset();
        }
        activity.reset();
        mix.reset();
        wide.reset();
        check.reset();
        prev = startToken;
        prevPrev = startToken;
    }

    /** Runs the network on the newest token and mixes the components' predictions. */
    @Override
    public void predict() {
        check.predicted();
        int[] logits = zeros;
        if (withNetwork) {
            weights.features(prev, prevPrev, size, activity, features);
            logits = net.step(features);
        }
        // the classes that name a token: prev + c - band in 0..size-1, and "other"
        lo = StepBand.lo(prev, band);
        hi = StepBand.hi(prev, band, size);
        mix.mix(logits, prev, lo, hi);
        ranked = false;
    }

    /** The mixed frequency of each class, for the rank coder only (the arithmetic coder reads the table). */
    private int[] rankWeights() {
        if (!ranked) {
            int[] mixed = mixedCum;
            for (int c = 0; c < rankWeight.length; c++) {
                rankWeight[c] = c == other ? 0 : mixed[c + 1] - mixed[c];
            }
            ranked = true;
        }
        return rankWeight;
    }

    @Override
    public void encode(ArithmeticEncoder enc, int symbol) {
        int c = symbol < size ? weights.classOf(symbol, prev) : other;
        enc.write(mixedTable, c);
        if (c == other) {
            wide.encode(enc, symbol, prev, size);
        }
    }

    @Override
    public int decode(ArithmeticDecoder dec) throws CorruptStreamException {
        int c = dec.read(mixedTable);
        return c == other ? wide.decode(dec, prev, size) : prev + c - band;
    }

    @Override
    public double probability(int symbol) {
        int c = symbol < size ? weights.classOf(symbol, prev) : other;
        double p = mixedTable.get(c) / (double) mixedTable.total();
        return c == other ? p * wide.probability(symbol, prev, size) : p;
    }

    /** The probability of the most likely token for the next sample, in 1/65536 (rounded down). */
    public int topQ16() {
        int top = 0;
        for (int w : rankWeights()) {
            top = Math.max(top, w);
        }
        return (int) (((long) top << 16) / mixedTable.total());
    }

    /** The token the next prediction is conditioned on (the newest one). */
    public int context() {
        return prev;
    }

    /** True when the rank coder falls back to the bigram ranking for the next sample. */
    public boolean unsure() {
        return topQ16() < thresholdQ16;
    }

    @Override
    public Ranking ranking() {
        if (unsure()) { // computes rankWeight, which the band ranking reads
            return bigram.ranking(prev);
        }
        bandRanking.reset(bigram.ranking(prev), prev, rankWeight); // only the rank coder pays for it
        return bandRanking;
    }

    @Override
    public void update(int symbol, int token) {
        check.updated();
        boolean escaped = symbol == size;
        int c = escaped ? other : weights.classOf(token, prev);
        mix.update(c, token, prev);
        if (c == other) {
            wide.update(escaped ? size : token, prev, size);
        }
        if (readsActivity) {
            activity.update(token - prev);
        }
        prevPrev = prev;
        prev = token;
    }
}
