package ephyzip.predict;

import java.util.Arrays;

/**
 * Mixes four predictions of the next step class into one frequency table, adapting to each
 * recording as it goes: the network, the bigram table, this recording's own histogram of step
 * classes, and that histogram conditioned on the previous step. The mixture's weights follow the
 * gradient of the log-likelihood of each sample (multiplicative updates, renormalized). Integer
 * arithmetic throughout, so encoder and decoder mix identically on every machine.
 *
 * <p>Per sample: {@link #mix} with the network's and the bigram's class weights, code a class
 * with {@link #cumulative()}, then {@link #update} with the class that occurred. No allocation
 * and one pass over the classes a sample.
 */
final class AdaptiveMixer {
    static final int COMPONENTS = 4;
    /** Weights sum to 2^16. */
    private static final int ONE = 1 << 16;
    /** Learning rate: a weight moves by its gradient times 2^-RATE_SHIFT. Measured best of 4..8. */
    private static final int RATE_SHIFT = 5;
    private static final int MIN_WEIGHT = 16;
    /** Contexts of the conditioned histogram: the previous step / 4, clamped to -4..4. */
    private static final int STEP_CONTEXTS = 9;
    /** Weight of the plain histogram as the prior of the conditioned one, in observations. */
    private static final int PRIOR_WEIGHT = 20;
    /** Histograms are halved when their total reaches this, to follow a drifting recording. */
    private static final int HALVE_AT = 1 << 15;

    private final int classes;
    private final int other;
    private final int[] weight = new int[COMPONENTS];
    private final int[] hist;
    private int histTotal;
    private final int[][] condHist;
    private final int[] condTotal;
    private int context;
    private final int[] cum;
    /** Components in use; one left out has weight 0 and does not learn (to measure its worth). */
    private final boolean[] enabled;
    private final int enabledCount;
    // what the last mix read, so that update can recompute the components' probabilities of
    // the one class that occurred instead of keeping them for every class
    private int[] network;
    private int[] bigram;
    private long invNetwork;
    private long invBigram;
    private long invHist;
    private long invCond;
    private long lastBigramSum = -1;
    /**
     * Quotients the mixer needs every sample, divided once: {@code INV_HIST[n] = 2^40 / n} and
     * {@code INV_COND[n] = 2^32 / n} for every denominator the histograms can reach (their totals
     * stay below {@link #HALVE_AT}). The same integers as dividing each time, without a 64-bit
     * division per sample; a histogram's total grows by one a sample, so the reads are sequential.
     */
    private static final long[] INV_HIST = reciprocals(40, 2 * HALVE_AT + 2 * 256 + 2);
    private static final long[] INV_COND = reciprocals(32, HALVE_AT + PRIOR_WEIGHT + 1);
    /** Scratch: each component's probability of the class that occurred. */
    private final long[] q = new long[COMPONENTS];

    AdaptiveMixer(int classes) {
        this(classes, new boolean[] {true, true, true, true});
    }

    /** {@code enabled[i]}: component i (network, bigram, histogram, conditioned histogram) is mixed in. */
    AdaptiveMixer(int classes, boolean[] enabled) {
        if (enabled.length != COMPONENTS) {
            throw new IllegalArgumentException("one flag per component");
        }
        this.enabled = enabled.clone();
        int n = 0;
        for (boolean e : enabled) {
            n += e ? 1 : 0;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no component to mix");
        }
        this.enabledCount = n;
        this.classes = classes;
        this.other = classes - 1;
        this.hist = new int[classes];
        this.condHist = new int[STEP_CONTEXTS][classes];
        this.condTotal = new int[STEP_CONTEXTS];
        this.cum = new int[classes + 1];
    }

    void reset() {
        for (int i = 0; i < COMPONENTS; i++) {
            weight[i] = enabled[i] ? ONE / enabledCount : 0;
        }
        Arrays.fill(hist, 0);
        histTotal = 0;
        for (int[] h : condHist) {
            Arrays.fill(h, 0);
        }
        Arrays.fill(condTotal, 0);
        context = STEP_CONTEXTS / 2;
    }

    /**
     * Builds the mixed table. The classes that name a token are {@code lo..hi-1} and the last
     * ("other"); the rest get frequency 0. {@code network} and {@code bigram} are weights per
     * class (> 0 where valid), summing over the valid classes to {@code networkSum} and
     * {@code bigramSum}. Both arrays are read again by {@link #update}: the caller keeps them.
     */
    void mix(int lo, int hi, int[] network, long networkSum, int[] bigram, long bigramSum) {
        this.network = network;
        this.bigram = bigram;
        // each component's probabilities in 1/2^16, rounded down: the network's and bigram's
        // weights normalized; the recording's histogram, add-1/2: (2h + 1) / (2H + k); that
        // histogram conditioned on the previous step, with the plain one as prior. One pass over
        // the classes, exact integer sums (their order does not matter).
        invNetwork = enabled[0] ? (1L << 48) / Math.max(1, networkSum) : 0;
        if (bigramSum != lastBigramSum) { // the bigram's total rarely changes: divide once
            lastBigramSum = bigramSum;
            invBigram = (1L << 48) / Math.max(1, bigramSum);
        }
        invHist = INV_HIST[2 * histTotal + (hi - lo + 1)];
        invCond = INV_COND[condTotal[context] + PRIOR_WEIGHT];
        Arrays.fill(cum, 0, lo + 1, 0);
        // locals: the JIT cannot hoist field and array reads past the stores into cum
        int[] h = hist;
        int[] ch = condHist[context];
        long inv0 = invNetwork;
        long inv2 = invHist;
        long inv3 = invCond;
        long w0 = weight[0];
        long w1 = weight[1];
        long w2 = weight[2];
        long w3 = weight[3];
        // the bigram's weights sum to a power of two (its table's total): a shift, same bits
        int bigramShift = Long.bitCount(bigramSum) == 1 && Long.numberOfTrailingZeros(bigramSum) >= 16
                ? 48 - Long.numberOfTrailingZeros(bigramSum) : -1;
        int running = 0;
        for (int c = lo; c < hi; c++) {
            long p2 = ((2L * h[c] + 1) * inv2) >> 24;
            long p3 = (((long) ch[c] << 16) + PRIOR_WEIGHT * p2) * inv3 >> 32;
            long p1 = bigramShift >= 0 ? bigram[c] >> (32 - bigramShift) : (bigram[c] * invBigram) >> 32;
            long f = w0 * ((network[c] * inv0) >> 32) + w1 * p1 + w2 * p2 + w3 * p3;
            running += 1 + (int) (f >> 14);
            cum[c + 1] = running;
        }
        Arrays.fill(cum, hi + 1, other + 1, running);
        cum[other + 1] = running + 1 + (int) (mixed(other) >> 14);
    }

    /** The mixture's weight of class c, in 1/2^32. */
    private long mixed(int c) {
        int p2 = (int) (((2L * hist[c] + 1) * invHist) >> 24);
        int p3 = (int) ((((long) condHist[context][c] << 16) + (long) PRIOR_WEIGHT * p2) * invCond >> 32);
        return weight[0] * ((network[c] * invNetwork) >> 32) + weight[1] * ((bigram[c] * invBigram) >> 32)
                + (long) weight[2] * p2 + (long) weight[3] * p3;
    }

    /** Cumulative frequencies of the mixed table (valid until the next {@link #mix}). */
    int[] cumulative() {
        return cum;
    }

    /** Learns from the class that occurred and the step it stands for. */
    void update(int c, int step) {
        int p2 = (int) (((2L * hist[c] + 1) * invHist) >> 24);
        q[0] = (network[c] * invNetwork) >> 32;
        q[1] = (bigram[c] * invBigram) >> 32;
        q[2] = p2;
        q[3] = (((long) condHist[context][c] << 16) + (long) PRIOR_WEIGHT * p2) * invCond >> 32;
        long p = 0;
        for (int i = 0; i < COMPONENTS; i++) {
            p += weight[i] * q[i];
        }
        p = Math.max(1, p >> 16);
        // divisions by multiplication (Reciprocal): q << 16 <= 2^33 and p <= 2^18, weights
        // <= 2^20 and their sum <= 2^22, well inside its n * d < 2^62
        long perP = Reciprocal.of(p);
        long sum = 0;
        for (int i = 0; i < COMPONENTS; i++) {
            if (!enabled[i]) {
                continue;
            }
            long gradient = Reciprocal.divide(q[i] << 16, perP) - ONE; // d ln p / d ln w_i, in 1/2^16
            long w = weight[i] + (gradient * weight[i] >> (16 + RATE_SHIFT));
            weight[i] = (int) Math.max(MIN_WEIGHT, Math.min(1 << 20, w));
            sum += weight[i];
        }
        long perSum = Reciprocal.of(sum);
        for (int i = 0; i < COMPONENTS; i++) {
            if (!enabled[i]) {
                continue;
            }
            weight[i] = (int) Math.max(MIN_WEIGHT, Reciprocal.divide((long) weight[i] << 16, perSum));
        }
        hist[c] += 1;
        if (++histTotal >= HALVE_AT) {
            histTotal = halve(hist);
        }
        condHist[context][c] += 1;
        if (++condTotal[context] >= HALVE_AT) {
            condTotal[context] = halve(condHist[context]);
        }
        context = Math.max(-4, Math.min(4, step / 4)) + STEP_CONTEXTS / 2;
    }

    private static long[] reciprocals(int bits, int n) {
        long[] r = new long[n];
        for (int i = 1; i < n; i++) {
            r[i] = (1L << bits) / i;
        }
        return r;
    }

    private static int halve(int[] h) {
        int total = 0;
        for (int c = 0; c < h.length; c++) {
            h[c] = (h[c] + 1) >> 1;
            total += h[c];
        }
        return total;
    }
}
