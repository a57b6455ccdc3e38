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

    private final int[] byFast = Counters.fresh(LEVELS * DECISIONS);
    private final int[] byMid = Counters.fresh(LEVELS * DECISIONS);
    private final int[] bySlow = Counters.fresh(LEVELS * DECISIONS);
    private final int[] byOctaves = Counters.fresh(OCTAVES * OCTAVES * DECISIONS);
    private final int[] byPrediction = Counters.fresh(4 * LEVELS * DECISIONS);
    private final int[] grid = Counters.fresh(GRID_CONTEXTS);
    private final int[] weights;
    private final int[] mant = Counters.fresh(OCTAVES * LEVELS * 4);
    private final int[] low = Counters.fresh(OCTAVES * OCTAVES);
    private final int[] sign = Counters.fresh(3 * OCTAVES);
    private final int[] st = new int[INPUTS];

    ResidualModel(int limit, int lr) {
        this.limit = limit;
        this.lr = lr;
        weights = new int[DECISIONS * 18 * INPUTS];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (i % INPUTS) == INPUTS - 1 ? 0 : 65536 / 5;
        }
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
        int k = 0;
        for (; k < DECISIONS; k++) {
            int i0 = lf * DECISIONS + k;
            int i1 = lm * DECISIONS + k;
            int i2 = ls * DECISIONS + k;
            int i3 = c3 + k;
            st[0] = Logistic.stretch(Counters.prob(byFast, i0) >>> 4);
            st[1] = Logistic.stretch(Counters.prob(byMid, i1) >>> 4);
            st[2] = Logistic.stretch(Counters.prob(bySlow, i2) >>> 4);
            st[3] = Logistic.stretch(Counters.prob(byOctaves, i3) >>> 4);
            int i4 = (pm * LEVELS + lm) * DECISIONS + k;
            st[4] = Logistic.stretch(Counters.prob(byPrediction, i4) >>> 4);
            st[5] = 256;
            int w = (wset + k) * INPUTS;
            long dot = 0;
            for (int j = 0; j < INPUTS; j++) {
                dot += (long) weights[w + j] * st[j];
            }
            int p12 = Logistic.squash((int) (dot >> 16));
            int bit = io.bit(b > k ? 1 : 0, Counters.clamp(p12 << 4));
            int err = ((bit << 12) - p12) * lr;
            for (int j = 0; j < INPUTS; j++) {
                weights[w + j] += (st[j] * err) >> MIXER_SHIFT;
            }
            adapt(byFast, i0, bit);
            adapt(byMid, i1, bit);
            adapt(bySlow, i2, bit);
            adapt(byOctaves, i3, bit);
            adapt(byPrediction, i4, bit);
            if (bit == 0) {
                break;
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
}
