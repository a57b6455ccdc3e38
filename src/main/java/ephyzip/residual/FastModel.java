package ephyzip.residual;

/**
 * The fast path's model of a channel's residuals. The octave {@code b} of {@code |r|} (its bit
 * length) is asked starting from the octave of the recent mean |r| (is b at least that? then up
 * or down one at a time): two or three decisions a sample where a unary count from zero takes
 * eight. Each decision reads one counter, keyed by the recent scale (quarter octaves) and whether
 * the last few residuals ran above or below it; no mixing. Then the sign and the bits under the
 * leading one go as plain bits, but for the first few, which have counters, and (variant 2) the
 * lowest two, read with the sample's value mod 4.
 */
final class FastModel {
    static final int OCTAVES = 17;
    private static final int LEVELS = Counters.LEVELS;
    /** Counters slow to 1/LIMIT: steady, yet still following a recording that changes. */
    private static final int LIMIT = 255;

    private final int modeled;
    /** Whether the lowest two bits are decisions read with the sample's value mod 4 (variant 2). */
    private final boolean grid;
    /** Contexts of the two lowest bits: (min(b, 5), P mod 4, sign, which bit), as in {@link ResidualModel}. */
    private static final int GRID_CONTEXTS = 6 * 4 * 2 * 4;
    // running means of |r| in 1/256 at rates 1/4 and 1/16
    private int fast;
    private int mid;
    private final int[] up = Counters.fresh(LEVELS * 3 * OCTAVES);
    private final int[] down = Counters.fresh(LEVELS * 3 * OCTAVES);
    private final int[] mant;
    private final int[] low;

    /**
     * A model that codes the first {@code modeled} bits under the leading one as decisions, and,
     * with {@code grid}, the lowest two under the sample's value mod 4: an ADC whose codes are
     * not equally likely shows there.
     */
    FastModel(int modeled, boolean grid) {
        this.modeled = modeled;
        this.grid = grid;
        mant = Counters.fresh(modeled == 0 ? 0 : OCTAVES * LEVELS * 3);
        low = Counters.fresh(grid ? GRID_CONTEXTS : 0);
    }

    /** Codes {@code bit} under counter {@code t[i]} and adapts it; returns the bit (decoded on decode). */
    private static int code(BinaryBits io, int[] t, int i, int bit) {
        return Counters.adapt(t, i, io.bit(bit, Counters.clamp(Counters.prob(t, i))), LIMIT);
    }

    /**
     * Codes residual {@code r} ({@code |r| < 2^16}) of a sample predicted as {@code prediction}
     * and returns it (the decoded one on decode).
     */
    int code(BinaryBits io, RawBits raw, int r, int prediction) {
        int u = Math.abs(r);
        int b = 32 - Integer.numberOfLeadingZeros(u);
        int lm = Counters.level(mid);
        int trend = fast > 2 * mid ? 2 : 2 * fast < mid ? 0 : 1;
        int ctx = (lm * 3 + trend) * OCTAVES;
        int s = Math.min(OCTAVES - 1, 32 - Integer.numberOfLeadingZeros(mid >>> 8));
        int k;
        // up[ctx + j]: "b >= j" (given b >= j - 1 when j > s); down[ctx + j]: "b < j" given b <= j
        if (code(io, up, ctx + s, b >= s ? 1 : 0) == 1) {
            k = s;
            while (k < OCTAVES - 1 && code(io, up, ctx + k + 1, b > k ? 1 : 0) == 1) {
                k++;
            }
        } else {
            k = s - 1;
            while (k > 0 && code(io, down, ctx + k, b < k ? 1 : 0) == 1) {
                k--;
            }
        }
        b = k;
        int mag = 0;
        int neg = 0;
        if (b > 0) {
            neg = raw.bits(r < 0 ? 1 : 0, 1);
            mag = 1;
            int j = b - 2;
            int lowest = grid ? 2 : 0; // positions below this are the grid's decisions
            for (int top = 0; top < modeled && j >= lowest; top++, j--) {
                int c = (b * LEVELS + lm) * 3 + (top == 0 ? 0 : 1 + (mag & 1));
                mag = (mag << 1) | code(io, mant, c, (u >>> j) & 1);
            }
            if (j >= lowest) {
                int n = j - lowest + 1;
                mag = (mag << n) | raw.bits(u >>> lowest, n);
                j = lowest - 1;
            }
            if (j >= 0) { // x mod 4 = (P + sign |r|) mod 4
                int g = ((Math.min(b, 5) * 4 + (prediction & 3)) * 2 + neg) * 4;
                for (; j >= 0; j--) {
                    int c = g + (j == 1 ? 0 : b == 2 ? 3 : 1 + (mag & 1));
                    mag = (mag << 1) | code(io, low, c, (u >>> j) & 1);
                }
            }
        }
        int a = mag << 8;
        fast += (a - fast) >> 2;
        mid += (a - mid) >> 4;
        return neg != 0 ? -mag : mag;
    }
}
