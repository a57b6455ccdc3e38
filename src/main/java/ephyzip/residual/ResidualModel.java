package ephyzip.residual;

/**
 * The adaptive model of one channel's prediction residuals, coded as binary decisions: the
 * octave {@code b} of {@code |r|} (its bit length, 0..16) in unary, each decision "b > k" from a
 * logistic mix of counters keyed by the residual's recent scale at three speeds, by the last two
 * octaves and by the prediction mod 4; then the sign; then the bits below the leading one (the
 * lowest two with the sample's value mod 4, which shows an ADC's uneven codes; the first two
 * under the scale; the rest per position). Scale-free: contexts are logarithms of running means,
 * so one model serves any gain and ADC. Integers only; FORMAT.md gives the arithmetic.
 */
final class ResidualModel {
    static final int OCTAVES = 17;
    private static final int DECISIONS = OCTAVES - 1;
    private static final int LEVELS = Counters.LEVELS;
    private static final int INPUTS = 6;
    static final int MIXER_SHIFT = 14;
    /** Contexts of the two lowest bits of |r|: (min(b, 5), P mod 4, sign, which bit). */
    private static final int GRID_CONTEXTS = 6 * 4 * 2 * 4;

    private final int limit;
    private final int lr;
    // running means of |r| in 1/256 at rates 1/4, 1/16, 1/128
    private int fast;
    private int mid;
    private int slow;
    private int b1;
    private int b2;
    private int lastSign;

    private final int[] grid = Counters.fresh(GRID_CONTEXTS);
    private final int[] mant = Counters.fresh(OCTAVES * LEVELS * 4);
    private final int[] low = Counters.fresh(OCTAVES * OCTAVES);
    private final int[] sign = Counters.fresh(3 * OCTAVES);
    private final int[] st = new int[INPUTS];

    /**
     * The decisions' tables by kind: 0 the unary ones (every model), 1 the first question and 2
     * the downward ones (only kind 0 unless the model asks the octave from the scale's).
     */
    private final int[][] kFast;
    private final int[][] kMid;
    private final int[][] kSlow;
    private final int[][] kOctaves;
    private final int[][] kPrediction;
    private final int[][] kWeights;
    /** Whether the octave is asked starting next to the recent scale's (presets 9 to 11). */
    private final boolean fromScale;

    ResidualModel(int limit, int lr) {
        this(limit, lr, false);
    }

    ResidualModel(int limit, int lr, boolean fromScale) {
        this.limit = limit;
        this.lr = lr;
        this.fromScale = fromScale;
        int kinds = fromScale ? 3 : 1;
        kFast = new int[kinds][];
        kMid = new int[kinds][];
        kSlow = new int[kinds][];
        kOctaves = new int[kinds][];
        kPrediction = new int[kinds][];
        kWeights = new int[kinds][];
        for (int kind = 0; kind < kinds; kind++) {
            kFast[kind] = Counters.fresh(LEVELS * DECISIONS);
            kMid[kind] = Counters.fresh(LEVELS * DECISIONS);
            kSlow[kind] = Counters.fresh(LEVELS * DECISIONS);
            kOctaves[kind] = Counters.fresh(OCTAVES * OCTAVES * DECISIONS);
            kPrediction[kind] = Counters.fresh(4 * LEVELS * DECISIONS);
            kWeights[kind] = freshWeights();
        }
    }

    private static int[] freshWeights() {
        int[] w = new int[DECISIONS * 18 * INPUTS];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % INPUTS) == INPUTS - 1 ? 0 : 65536 / 5;
        }
        return w;
    }

    private int adapt(int[] t, int i, int bit) {
        return Counters.adapt(t, i, bit, limit);
    }

    /** Codes residual {@code r} (|r| < 2^16) through {@code io} and returns it (the decoded one on decode). */
    int code(BinaryBits io, int r, int prediction) {
        int pm = prediction & 3;
        int u = Math.abs(r);
        int b = 32 - Integer.numberOfLeadingZeros(u);
        int lf = Counters.level(fast);
        int lm = Counters.level(mid);
        int ls = Counters.level(slow);
        int c3 = (b1 * OCTAVES + b2) * DECISIONS;
        int wset = (lm >> 2) * DECISIONS;
        int k;
        if (!fromScale) {
            k = unary(io, 0, b, lf, lm, ls, c3, wset, pm);
        } else {
            // first "b >= k0", k0 next above the recent scale's octave; then up in unary, or down
            int k0 = Math.min(DECISIONS - 1, 33 - Integer.numberOfLeadingZeros(mid >> 8));
            if (decide(io, 1, k0 - 1, b >= k0 ? 1 : 0, lf, lm, ls, c3, wset, pm) == 1) {
                k = unary(io, k0, b, lf, lm, ls, c3, wset, pm);
            } else {
                k = k0 - 1; // b <= k
                while (k > 0 && decide(io, 2, k - 1, b > k - 1 ? 1 : 0, lf, lm, ls, c3, wset, pm) == 0) {
                    k--;
                }
            }
        }
        b = k;
        int mag = 0;
        int neg = 0;
        if (b > 0) {
            // the sign first, so that the lowest bits can be read with the sample's value mod 4
            int i = lastSign * OCTAVES + b;
            neg = adapt(sign, i, io.bit(r < 0 ? 1 : 0, Counters.clamp(Counters.prob(sign, i))));
            mag = 1;
            int g = ((Math.min(b, 5) * 4 + pm) * 2 + neg) * 4;
            for (int j = b - 2; j >= 0; j--) {
                int top = b - 2 - j; // 0 for the first bit under the leading one
                int bit;
                if (j < 2) { // x mod 4 = (P + sign |r|) mod 4: an ADC's uneven codes
                    int c = g + (j == 1 ? 0 : b == 2 ? 3 : 1 + (mag & 1));
                    bit = adapt(grid, c, io.bit((u >>> j) & 1, Counters.clamp(Counters.prob(grid, c))));
                } else if (top < 2) {
                    int c = (b * LEVELS + lm) * 4 + (top == 0 ? 0 : 2 + (mag & 1));
                    bit = adapt(mant, c, io.bit((u >>> j) & 1, Counters.clamp(Counters.prob(mant, c))));
                } else {
                    int c = b * OCTAVES + Math.min(j, OCTAVES - 1);
                    bit = adapt(low, c, io.bit((u >>> j) & 1, Counters.clamp(Counters.prob(low, c))));
                }
                mag = (mag << 1) | bit;
            }
            lastSign = 1 + neg;
        } else {
            lastSign = 0;
        }
        int out = neg != 0 ? -mag : mag;
        int a = mag << 8;
        fast += (a - fast) >> 2;
        mid += (a - mid) >> 4;
        slow += (a - slow) >> 7;
        b2 = b1;
        b1 = b;
        return out;
    }

    /** "b > k" for k = from, from + 1, ... (kind 0) until a 0 or k = 16; returns the k reached. */
    private int unary(BinaryBits io, int from, int b, int lf, int lm, int ls, int c3, int wset, int pm) {
        int k = from;
        for (; k < DECISIONS; k++) {
            if (decide(io, 0, k, b > k ? 1 : 0, lf, lm, ls, c3, wset, pm) == 0) {
                break;
            }
        }
        return k;
    }

    /** One octave decision of {@code kind} at index {@code k}: mixed, coded, learned; returns the bit. */
    private int decide(BinaryBits io, int kind, int k, int want, int lf, int lm, int ls, int c3, int wset, int pm) {
        int[] tf = kFast[kind];
        int[] tm = kMid[kind];
        int[] ts = kSlow[kind];
        int[] to = kOctaves[kind];
        int[] tp = kPrediction[kind];
        int[] wt = kWeights[kind];
        int i0 = lf * DECISIONS + k;
        int i1 = lm * DECISIONS + k;
        int i2 = ls * DECISIONS + k;
        int i3 = c3 + k;
        int i4 = (pm * LEVELS + lm) * DECISIONS + k;
        st[0] = Logistic.stretch(Counters.prob(tf, i0) >>> 4);
        st[1] = Logistic.stretch(Counters.prob(tm, i1) >>> 4);
        st[2] = Logistic.stretch(Counters.prob(ts, i2) >>> 4);
        st[3] = Logistic.stretch(Counters.prob(to, i3) >>> 4);
        st[4] = Logistic.stretch(Counters.prob(tp, i4) >>> 4);
        st[5] = 256;
        int w = (wset + k) * INPUTS;
        long dot = 0;
        for (int j = 0; j < INPUTS; j++) {
            dot += (long) wt[w + j] * st[j];
        }
        int p12 = Logistic.squash((int) (dot >> 16));
        int bit = io.bit(want, Counters.clamp(p12 << 4));
        int err = ((bit << 12) - p12) * lr;
        for (int j = 0; j < INPUTS; j++) {
            wt[w + j] += (st[j] * err) >> MIXER_SHIFT;
        }
        adapt(tf, i0, bit);
        adapt(tm, i1, bit);
        adapt(ts, i2, bit);
        adapt(to, i3, bit);
        adapt(tp, i4, bit);
        return bit;
    }
}
