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
 * with {@link #cumulative()}, then {@link #update} with the class that occurred.
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
    /** q[i][c]: component i's probability of class c, in 1/2^16. */
    private final int[][] q;
    private final int[] weight = new int[COMPONENTS];
    private final int[] hist;
    private int histTotal;
    private final int[][] condHist;
    private final int[] condTotal;
    private int context;
    private final int[] cum;
    /** False: the network's component (0) is left out, its weight 0 (for measuring its worth). */
    private final boolean withNetwork;

    AdaptiveMixer(int classes) {
        this(classes, true);
    }

    AdaptiveMixer(int classes, boolean withNetwork) {
        this.withNetwork = withNetwork;
        this.classes = classes;
        this.q = new int[COMPONENTS][classes];
        this.hist = new int[classes];
        this.condHist = new int[STEP_CONTEXTS][classes];
        this.condTotal = new int[STEP_CONTEXTS];
        this.cum = new int[classes + 1];
    }

    void reset() {
        Arrays.fill(weight, withNetwork ? ONE / COMPONENTS : ONE / (COMPONENTS - 1));
        if (!withNetwork) {
            weight[0] = 0;
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
     * Builds the mixed table. {@code valid[c]} is false for classes that name no token;
     * {@code network} and {@code bigram} are weights per class (any scale, > 0 where valid).
     */
    void mix(boolean[] valid, int[] network, int[] bigram) {
        if (withNetwork) {
            normalize(network, valid, q[0]);
        }
        normalize(bigram, valid, q[1]);
        int validCount = 0;
        for (int c = 0; c < classes; c++) {
            validCount += valid[c] ? 1 : 0;
        }
        // the recording's histogram, add-1/2: (2h + 1) / (2H + k); then that histogram conditioned
        // on the previous step, with the plain one as prior; then the mixture. One pass over the
        // classes, exact integer sums (their order does not matter).
        long inv = (1L << 40) / (2L * histTotal + validCount);
        int[] h = condHist[context];
        long invCond = (1L << 32) / (condTotal[context] + PRIOR_WEIGHT);
        int[] q0 = q[0];
        int[] q1 = q[1];
        int[] q2 = q[2];
        int[] q3 = q[3];
        long w0 = weight[0];
        long w1 = weight[1];
        long w2 = weight[2];
        long w3 = weight[3];
        int running = 0;
        for (int c = 0; c < classes; c++) {
            if (valid[c]) {
                int p2 = (int) (((2L * hist[c] + 1) * inv) >> 24);
                int p3 = (int) ((((long) h[c] << 16) + (long) PRIOR_WEIGHT * p2) * invCond >> 32);
                q2[c] = p2;
                q3[c] = p3;
                long f = w0 * q0[c] + w1 * q1[c] + w2 * p2 + w3 * p3;
                running += 1 + (int) (f >> 14);
            } else {
                q2[c] = 0;
                q3[c] = 0;
            }
            cum[c + 1] = running;
        }
    }

    /** Cumulative frequencies of the mixed table (valid until the next {@link #mix}). */
    int[] cumulative() {
        return cum;
    }

    /** Learns from the class that occurred and the step it stands for. */
    void update(int c, int step) {
        long p = 0;
        for (int i = 0; i < COMPONENTS; i++) {
            p += (long) weight[i] * q[i][c];
        }
        p = Math.max(1, p >> 16);
        long sum = 0;
        for (int i = withNetwork ? 0 : 1; i < COMPONENTS; i++) {
            long gradient = ((long) q[i][c] << 16) / p - ONE; // d ln p / d ln w_i, in 1/2^16
            long w = weight[i] + (gradient * weight[i] >> (16 + RATE_SHIFT));
            weight[i] = (int) Math.max(MIN_WEIGHT, Math.min(1 << 20, w));
            sum += weight[i];
        }
        for (int i = withNetwork ? 0 : 1; i < COMPONENTS; i++) {
            weight[i] = (int) Math.max(MIN_WEIGHT, ((long) weight[i] << 16) / sum);
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
}
