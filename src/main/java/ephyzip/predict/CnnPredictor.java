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
 * distribution is mixed with the bigram table's and with two histograms of this recording's steps
 * ({@link AdaptiveMixer}); a token elsewhere (or an escape) is then coded by {@link WideStepCoder}.
 * The rank coder ranks the tokens in the band by that same mixed distribution, and the rest
 * after them in bigram order; when the most likely token's probability is below the model's
 * threshold, the bigram ranking is used instead.
 */
public final class CnnPredictor implements ModelPredictor {
    private final CnnWeights weights;
    private final BigramTable bigram;
    private final int size;
    private final int startToken;
    private final int thresholdQ16;
    private final CnnNet net;
    private final int band;
    private final int other;
    private final int[] weightOf;
    /** Mixed frequency of each step class (0 for "other" and for steps that name no token). */
    private final int[] rankWeight;
    private boolean ranked;
    /** The in-band classes that name a token at the last prediction: lo..hi-1. */
    private int lo;
    private int hi;
    /** Scratch for the rank coder's decoder: the band's classes in rank order. */
    private final int[] order;
    private final int[] bigramWeight;
    private final AdaptiveMixer mixer;
    private final CumulativeFrequencies mixedTable;
    private final WideStepCoder wide;
    private final ProtocolCheck check = new ProtocolCheck();
    private final int[] zeros;
    private final BandRanking bandRanking = new BandRanking();
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
        this(weights, bigram, startToken, thresholdQ16, ALL, 0, true);
    }

    static final boolean[] ALL = {true, true, true, true};

    /** 0: the network is fixed; else it learns while coding at rate 2^-learnShift (measurement only). */
    private final int learnShift;
    private final int[] grad;
    /** Stream format 4's geometric mixer, else format 2-3's linear one. */
    private final boolean geometric;
    private final GeometricMixer geo;
    private final int[] mixedCum;

    /**
     * {@code parts[i]}: {@link MixerComponent} i is mixed in (an ablation when some is not; the
     * geometric mixer has only the network and the bigram); {@code geometric}: format 4's mixer.
     */
    CnnPredictor(CnnWeights weights, BigramTable bigram, int startToken, int thresholdQ16, boolean[] parts,
                 int learnShift, boolean geometric) {
        this.geometric = geometric;
        this.withNetwork = parts[0];
        this.learnShift = learnShift;
        this.grad = new int[weights.classes()];
        this.weights = weights;
        this.bigram = bigram;
        this.size = bigram.size();
        this.startToken = startToken;
        this.thresholdQ16 = thresholdQ16;
        this.net = new CnnNet(weights);
        this.features = new int[weights.features()];
        this.readsActivity = weights.features() > CnnWeights.BASE_FEATURES;
        this.band = weights.band();
        this.other = 2 * band;
        this.weightOf = new int[weights.classes()];
        this.zeros = new int[weights.classes()];
        this.rankWeight = new int[weights.classes()];
        this.order = new int[weights.classes()];
        this.bigramWeight = new int[weights.classes()];
        this.mixer = geometric ? null : new AdaptiveMixer(weights.classes(), parts);
        this.geo = geometric ? new GeometricMixer(weights.classes(), parts[0], parts[1]) : null;
        this.mixedCum = geometric ? geo.cumulative() : mixer.cumulative();
        this.mixedTable = new CumulativeFrequencies(mixedCum);
        this.wide = new WideStepCoder(band, size);
        reset();
    }

    @Override
    public int alphabetSize() {
        return size;
    }

    @Override
    public void reset() {
        net.reset();
        activity.reset();
        if (geometric) {
            geo.reset();
        } else {
            mixer.reset();
        }
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
        if (geometric) {
            geo.mix(lo, hi, logits, bigram.lnFrequencies(prev), prev - band,
                    StepBand.otherFrequency(bigram, prev, band, lo, hi));
        } else {
            linearMix(logits, bigram.frequencies(prev));
        }
        ranked = false;
    }

    /** Format 2-3: the network's softmax and the bigram mixed linearly with the recording's histograms. */
    private void linearMix(int[] logits, CumulativeFrequencies bt) {
        int max = Integer.MIN_VALUE;
        for (int c = 0; c <= other; c++) {
            max = Math.max(max, logits[c]);
        }
        long networkSum = 0;
        for (int c = lo; c < hi; c++) {
            int w = Softmax.weight(max, logits[c]);
            weightOf[c] = w;
            networkSum += w;
            bigramWeight[c] = bt.get(prev + c - band);
        }
        weightOf[other] = Softmax.weight(max, logits[other]);
        networkSum += weightOf[other];
        bigramWeight[other] = StepBand.otherFrequency(bigram, prev, band, lo, hi);
        mixer.mix(lo, hi, weightOf, networkSum, bigramWeight, BigramTable.TOTAL);
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
        bandRanking.reset(bigram.ranking(prev)); // only the rank coder pays for it
        return bandRanking;
    }

    @Override
    public void update(int symbol, int token) {
        check.updated();
        boolean escaped = symbol == size;
        int c = escaped ? other : weights.classOf(token, prev);
        if (learnShift > 0 && withNetwork) {
            long sum = 0;
            for (int k = 0; k < grad.length; k++) {
                sum += validClass(k) ? weightOf[k] : 0;
            }
            for (int k = 0; k < grad.length; k++) {
                grad[k] = (k == c ? 65536 : 0) - (validClass(k) ? (int) ((weightOf[k] * 65536L) / Math.max(1, sum)) : 0);
            }
            net.learnOutput(grad, learnShift);
        }
        if (geometric) {
            geo.update(c);
        } else {
            mixer.update(c, token - prev);
        }
        if (c == other) {
            wide.update(escaped ? size : token, prev, size);
        }
        if (readsActivity) {
            activity.update(token - prev);
        }
        prevPrev = prev;
        prev = token;
    }

    private boolean validClass(int c) {
        return c == other || (c >= lo && c < hi);
    }

    /**
     * In-band tokens by mixed weight (ties: lower token first), then the rest in bigram order.
     * One instance, reset by each prediction.
     */
    private final class BandRanking implements Ranking {
        private Ranking fallback;
        private boolean sorted;

        void reset(Ranking bigramRanking) {
            fallback = bigramRanking;
            sorted = false;
        }

        private boolean inBand(int token) {
            int c = weights.classOf(token, prev);
            return c != other && rankWeight[c] > 0;
        }

        private int bandCount() {
            int n = 0;
            for (int c = 0; c < other; c++) {
                n += rankWeight[c] > 0 ? 1 : 0;
            }
            return n;
        }

        @Override
        public int rankOf(int token) {
            if (inBand(token)) {
                int c = token - prev + band;
                int r = 0;
                for (int j = 0; j < other; j++) {
                    if (rankWeight[j] > rankWeight[c] || (rankWeight[j] == rankWeight[c] && j < c && rankWeight[j] > 0)) {
                        r++;
                    }
                }
                return r;
            }
            int br = fallback.rankOf(token);
            int before = 0;
            for (int c = 0; c < other; c++) {
                if (rankWeight[c] > 0 && fallback.rankOf(prev + c - band) < br) {
                    before++;
                }
            }
            return bandCount() + br - before;
        }

        @Override
        public int tokenAt(int rank) {
            int n = bandCount();
            if (rank < n) {
                if (!sorted) {
                    // insertion sort of the band's classes: weight descending, then class ascending
                    int k = 0;
                    for (int c = 0; c < other; c++) {
                        if (rankWeight[c] > 0) {
                            int j = k++;
                            while (j > 0 && rankWeight[c] > rankWeight[order[j - 1]]) {
                                order[j] = order[j - 1];
                                j--;
                            }
                            order[j] = c;
                        }
                    }
                    sorted = true;
                }
                return prev + order[rank] - band;
            }
            int left = rank - n;
            for (int r = 0; r < size; r++) {
                int token = fallback.tokenAt(r);
                if (!inBand(token) && left-- == 0) {
                    return token;
                }
            }
            return size; // no such rank: the caller reports the stream as corrupt
        }
    }
}
