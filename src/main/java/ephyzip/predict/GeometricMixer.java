package ephyzip.predict;

import ephyzip.model.LogTable;
import java.util.Arrays;

/**
 * Mixes the network's and the bigram table's predictions of the next step class geometrically
 * (stream format 4): {@code p(c) ~ exp(w0 ln pn(c) + w1 ln pb(c))}, the two weights learned for
 * each channel as it is coded, by the gradient of the log-likelihood. Where the linear mixture
 * ({@link AdaptiveMixer}, format 3) averages the two, here each can sharpen or flatten the other.
 * Format 9 (levels 7 to 9) adds a third component, {@code w2 ln h(c)}, the channel's own
 * {@link ClassHistogram}: its score term is rounded on its own ({@code (w2 ln h(c)) >> 16} added
 * to the two components' score), so the vector units' scores of the first two stay as they are.
 *
 * <p>Integer arithmetic throughout: log-probabilities are in 1/256 nat ({@link Softmax}'s
 * unit); the network's are its logits (their common offset cancels in the normalization), the
 * bigram's from {@link LogTable}, exact in the frequency. Weights are in 1/2^16.
 * Bounds: |logit| <= 2^24, weights in [0, 2^18], so every product fits a long with room.
 *
 * <p>Per sample: {@link #mix}, code a class with {@link #cumulative()}, then {@link #update}.
 */
final class GeometricMixer {
    private static final int ONE = 1 << 16;
    /** Initial weights: about where the weights of held-out training recordings settle. */
    private static final int INIT_NETWORK = ONE / 2;
    private static final int INIT_BIGRAM = 39322; // 0.6
    /** A weight moves by the gradient (1/256 nat) times 2^-LR_SHIFT, in 1/2^16: a rate of about 2^-10. */
    private static final int LR_SHIFT = 2;
    private static final long MAX_WEIGHT = 4L * ONE;
    /**
     * The histogram's weight moves 4 times slower: on ordinary recordings it finds nothing and its
     * noise cost 0.0035% (12 held-out tuning recordings without their one noisy file) at 2^-2.
     */
    private static final int HISTOGRAM_LR_SHIFT = 4;
    private final int other;
    private final boolean withNetwork;
    private final boolean withBigram;
    private final int[] cum;
    /**
     * Per class: the network's and the bigram's log-probabilities (up to a constant), the mixed
     * score. {@code a} is the network's logits array of the last mix (unchanged until the next).
     */
    private int[] a;
    /** Of the last mix: the bigram's log-probabilities of class c, {@code lnRow[lnOffset + c]}, and of "other". */
    private short[] lnRow;
    private int lnOffset;
    private int lnOther;
    private final int[] score;
    private final long[] sums = new long[2];
    private long w0;
    private long w1;
    /** The recording's histogram of classes (format 9), or null; its weight, learned as the others from 0. */
    private final ClassHistogram histogram;
    private long w2;
    private long sumH;
    /** Of the last mix: sum over classes of frequency times a, and times b (for the gradient). */
    private long sumA;
    private long sumB;

    GeometricMixer(int classes, boolean withNetwork, boolean withBigram) {
        this(classes, withNetwork, withBigram, false);
    }

    /** {@code withHistogram}: format 9's mix, the recording's {@link ClassHistogram} a third component. */
    GeometricMixer(int classes, boolean withNetwork, boolean withBigram, boolean withHistogram) {
        this.histogram = withHistogram ? new ClassHistogram(classes) : null;
        if (!withNetwork && !withBigram) {
            throw new IllegalArgumentException("no component to mix");
        }
        this.other = classes - 1;
        this.withNetwork = withNetwork;
        this.withBigram = withBigram;
        this.cum = new int[classes + 1];
        this.a = new int[classes];
        this.score = new int[classes];

    }

    void reset() {
        // one component alone starts as itself (weight 1); two start where held-out files settle
        boolean both = withNetwork && withBigram;
        w0 = withNetwork ? (both ? INIT_NETWORK : ONE) : 0;
        w1 = withBigram ? (both ? INIT_BIGRAM : ONE) : 0;
        w2 = 0; // measured: starting at 0.25 cost more than it saved
        if (histogram != null) {
            histogram.reset();
        }
    }

    /**
     * Builds the mixed table. Valid classes: {@code lo..hi-1} and the last ("other"); the rest get
     * frequency 0. {@code logits}: the network's, 1/256 nat (zeros without the network);
     * {@code lnBigram[rowOffset + c]}: ln of the bigram table's frequency of class c's token
     * ({@link BigramTable#lnFrequencies}); {@code otherFreq}: its frequency of "other", >= 1.
     */
    void mix(int lo, int hi, int[] logits, short[] lnBigram, int rowOffset, int otherFreq) {
        // without the network its weight is 0 (and stays 0), without the bigram likewise, so the
        // scores need no case; plain loops over lo..hi-1, then "other", for the JIT
        int[] la = logits;
        int[] sc = score;
        long v0 = w0;
        long v1 = w1;
        int max = Dot.VECTOR ? VectorDot.scores(la, lnBigram, rowOffset, lo, hi, (int) v0, (int) v1, sc)
                : Integer.MIN_VALUE;
        if (max == Integer.MIN_VALUE) { // no vector unit, or a score might leave an int
            for (int c = lo; c < hi; c++) {
                int s = (int) ((v0 * la[c] + v1 * lnBigram[rowOffset + c]) >> 16);
                sc[c] = s;
                max = Math.max(max, s);
            }
        }
        int bo = LogTable.ln(otherFreq);
        int so = (int) ((v0 * la[other] + v1 * bo) >> 16);
        if (histogram != null) { // a term of its own, so the two components' scores stay the vector path's
            int[] h = histogram.ln();
            long v2 = w2;
            max = Integer.MIN_VALUE;
            for (int c = lo; c < hi; c++) {
                int s = sc[c] + (int) ((v2 * h[c]) >> 16);
                sc[c] = s;
                max = Math.max(max, s);
            }
            so += (int) ((v2 * h[other]) >> 16);
        }
        max = Math.max(max, so);
        a = la;
        lnRow = lnBigram;
        lnOffset = rowOffset;
        lnOther = bo;
        Arrays.fill(cum, 0, lo + 1, 0);
        int running = 0;
        for (int c = lo; c < hi; c++) {
            running += Softmax.weight(max, sc[c]);
            cum[c + 1] = running;
        }
        // each class's weight is read back as cum[c + 1] - cum[c]: one store a class fewer here
        long sa;
        long sb;
        long both = Dot.VECTOR ? VectorDot.weightedSums(cum, la, lnBigram, rowOffset, lo, hi, sums) : -1;
        if (both == 0) {
            sa = sums[0];
            sb = sums[1];
        } else { // no vector unit, or a product might leave an int
            sa = 0;
            sb = 0;
            for (int c = lo; c < hi; c++) {
                long f = cum[c + 1] - cum[c];
                sa += f * la[c];
                sb += f * lnBigram[rowOffset + c];
            }
        }
        Arrays.fill(cum, hi + 1, other + 1, running);
        int f = Softmax.weight(max, so);
        sumA = sa + (long) f * la[other];
        sumB = sb + (long) f * bo;
        if (histogram != null) {
            int[] h = histogram.ln();
            long sh = (long) f * h[other];
            for (int c = lo; c < hi; c++) {
                sh += (long) (cum[c + 1] - cum[c]) * h[c];
            }
            sumH = sh;
        }
        cum[other + 1] = running + f;
    }

    /** Cumulative frequencies of the mixed table (valid until the next {@link #mix}). */
    int[] cumulative() {
        return cum;
    }

    /**
     * Learns from the class {@code x} that occurred: d ln p(x) / d w_i = l_i(x) - E_p[l_i], each
     * weight moved by that times the rate, kept in [0, 4].
     */
    void update(int x) {
        long total = cum[other + 1];
        long perTotal = Reciprocal.of(total);
        if (withNetwork) {
            long g = divide(total * a[x] - sumA, total, perTotal);
            w0 = Math.max(0, Math.min(MAX_WEIGHT, w0 + ((g + (1 << LR_SHIFT >> 1)) >> LR_SHIFT)));
        }
        if (withBigram) {
            long g = divide(total * (x == other ? lnOther : lnRow[lnOffset + x]) - sumB, total, perTotal);
            w1 = Math.max(0, Math.min(MAX_WEIGHT, w1 + ((g + (1 << LR_SHIFT >> 1)) >> LR_SHIFT)));
        }
        if (histogram != null) {
            long g = divide(total * histogram.ln()[x] - sumH, total, perTotal);
            w2 = Math.max(0, Math.min(MAX_WEIGHT, w2 + ((g + (1 << HISTOGRAM_LR_SHIFT >> 1)) >> HISTOGRAM_LR_SHIFT)));
            histogram.update(x);
        }
    }

    /** {@code n / d} (Java's, rounding toward zero), by {@link Reciprocal} where its bound holds. */
    private static long divide(long n, long d, long perD) {
        long m = Math.abs(n); // |n| <= 2^48, never Long.MIN_VALUE
        if (m < (1L << 61) && Math.multiplyHigh(m, d) == 0 && (m * d) >>> 62 == 0) { // m d < 2^62
            long q = Reciprocal.divide(m, perD);
            return n < 0 ? -q : q;
        }
        return n / d;
    }
}
