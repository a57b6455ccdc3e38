package ephyzip.predict;

import java.util.Arrays;

/**
 * Mixes four predictions of the next step class into one frequency table, adapting to each
 * recording as it goes: the network, the bigram table, this recording's own histogram of step
 * classes, and that histogram conditioned on the previous step. Each component's share is
 * {@code 2^-L}, L being its recent code length (bits, decayed by 1/512 a sample), as in Bayesian
 * model averaging. Integer arithmetic throughout, with tables built by {@link StrictMath}, so
 * encoder and decoder mix identically on every machine.
 *
 * <p>Per sample: {@link #mix} with the network's and the bigram's class weights, code a class
 * with {@link #cumulative()}, then {@link #update} with the class that occurred.
 */
final class AdaptiveMixer {
    static final int COMPONENTS = 4;
    /** Code lengths are kept in 1/256 bit. */
    private static final int LOG_BITS = 8;
    private static final int DECAY_SHIFT = 9;
    private static final int TEMPER = 3;
    /** -256 log2(q / 2^16) for q = 0..2^16 (q = 0 costs as q = 1/2). */
    private static final int[] COST = new int[(1 << 16) + 1];
    /** 2^16 * 2^(-d/256) for d in 1/256 bit, down to 2^-16. */
    private static final int[] SHARE = new int[16 << LOG_BITS];
    /** Contexts of the conditioned histogram: the previous step / 4, clamped to -4..4. */
    private static final int STEP_CONTEXTS = 9;
    /** Weight of the plain histogram as the prior of the conditioned one, in observations. */
    private static final int PRIOR_WEIGHT = 20;
    /** Histograms are halved when their total reaches this, to follow a drifting recording. */
    private static final int HALVE_AT = 1 << 15;

    static {
        COST[0] = (17 << LOG_BITS);
        for (int q = 1; q < COST.length; q++) {
            COST[q] = (int) Math.round(-(1 << LOG_BITS) * StrictMath.log(q / 65536.0) / StrictMath.log(2));
        }
        for (int d = 0; d < SHARE.length; d++) {
            SHARE[d] = (int) Math.round(65536 * StrictMath.pow(2, -d / (double) (1 << LOG_BITS)));
        }
    }

    private final int classes;
    private final int band;
    /** q[i][c]: component i's probability of class c, in 1/2^16. */
    private final int[][] q;
    private final long[] cost = new long[COMPONENTS];
    private final int[] hist;
    private int histTotal;
    private final int[][] condHist;
    private final int[] condTotal;
    private int context;
    private final int[] cum;

    AdaptiveMixer(int band) {
        this.band = band;
        this.classes = 2 * band + 1;
        this.q = new int[COMPONENTS][classes];
        this.hist = new int[classes];
        this.condHist = new int[STEP_CONTEXTS][classes];
        this.condTotal = new int[STEP_CONTEXTS];
        this.cum = new int[classes + 1];
    }

    void reset() {
        Arrays.fill(cost, 0);
        Arrays.fill(hist, 0);
        histTotal = 0;
        for (int[] h : condHist) {
            Arrays.fill(h, 0);
        }
        Arrays.fill(condTotal, 0);
        context = STEP_CONTEXTS / 2;
    }

    /**
     * Builds the mixed table. {@code valid[c]} is false for classes that name no token;
     * {@code network} and {@code bigram} are weights per class (any scale, > 0 where valid).
     */
    void mix(boolean[] valid, int[] network, int[] bigram) {
        normalize(network, valid, q[0]);
        normalize(bigram, valid, q[1]);
        int validCount = 0;
        for (int c = 0; c < classes; c++) {
            validCount += valid[c] ? 1 : 0;
        }
        // histogram with add-1/2: (2h + 1) / (2H + n)
        long inv = (1L << 40) / (2L * histTotal + validCount);
        for (int c = 0; c < classes; c++) {
            q[2][c] = valid[c] ? (int) (((2L * hist[c] + 1) * inv) >> 24) : 0;
        }
        int[] h = condHist[context];
        long invCond = (1L << 32) / (condTotal[context] + PRIOR_WEIGHT);
        for (int c = 0; c < classes; c++) {
            q[3][c] = valid[c] ? (int) ((((long) h[c] << 16) + (long) PRIOR_WEIGHT * q[2][c]) * invCond >> 32) : 0;
        }
        long best = Long.MAX_VALUE;
        for (long l : cost) {
            best = Math.min(best, l);
        }
        int[] share = new int[COMPONENTS];
        for (int i = 0; i < COMPONENTS; i++) {
            long d = (cost[i] - best) >> TEMPER;
            share[i] = d < SHARE.length ? SHARE[(int) d] : 0;
        }
        for (int c = 0; c < classes; c++) {
            long f = 0;
            for (int i = 0; i < COMPONENTS; i++) {
                f += (long) share[i] * q[i][c];
            }
            int freq = valid[c] ? 1 + (int) (f >> 14) : 0;
            cum[c + 1] = cum[c] + freq;
        }
    }

    /** Cumulative frequencies of the mixed table (valid until the next {@link #mix}). */
    int[] cumulative() {
        return cum;
    }

    /** Learns from the class that occurred and the step it stands for. */
    void update(int c, int step) {
        for (int i = 0; i < COMPONENTS; i++) {
            cost[i] += COST[q[i][c]] - (cost[i] >> DECAY_SHIFT);
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

    private static int halve(int[] h) {
        int total = 0;
        for (int c = 0; c < h.length; c++) {
            h[c] = (h[c] + 1) >> 1;
            total += h[c];
        }
        return total;
    }

    /** Scales weights to probabilities in 1/2^16 (rounded down). */
    private static void normalize(int[] w, boolean[] valid, int[] out) {
        long sum = 0;
        for (int c = 0; c < w.length; c++) {
            sum += valid[c] ? w[c] : 0;
        }
        long inv = (1L << 48) / Math.max(1, sum);
        for (int c = 0; c < w.length; c++) {
            out[c] = valid[c] ? (int) ((w[c] * inv) >> 32) : 0;
        }
    }

    int band() {
        return band;
    }
}
