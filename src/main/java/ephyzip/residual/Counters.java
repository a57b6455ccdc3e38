package ephyzip.residual;

/**
 * The adaptive bit counters both residual models code with, and the scale levels they key them
 * by. A counter is one int: the probability {@code p} of a one (16 bits, in 1/65536) and how many
 * bits it has seen {@code n} (below 1,024), packed as {@code (p << 10) | n}: one int a context
 * halves what a channel holds against two arrays. After bit {@code y},
 * {@code p += ((y << 16) - p) R[n] >> 16} with {@code R[n] = floor(131072 / (2n + 3))}, and
 * {@code n} grows to the model's limit. FORMAT.md gives the same arithmetic.
 */
final class Counters {
    static final int COUNT_BITS = 10;
    /** Quarter-octave levels of a running mean: {@link #level} is below this. */
    static final int LEVELS = 72;
    private static final int[] RATE = new int[1 << COUNT_BITS];

    static {
        for (int n = 0; n < RATE.length; n++) {
            RATE[n] = 65536 * 2 / (2 * n + 3);
        }
    }

    private Counters() {
    }

    /** {@code n} counters at one half, having seen nothing. */
    static int[] fresh(int n) {
        int[] p = new int[n];
        java.util.Arrays.fill(p, 32768 << COUNT_BITS);
        return p;
    }

    /** The probability (1/65536) of counter {@code t[i]}. */
    static int prob(int[] t, int i) {
        return t[i] >>> COUNT_BITS;
    }

    /** A probability as the binary coder takes it: kept inside [32, 65504]. */
    static int clamp(int p) {
        return Math.max(32, Math.min(65504, p));
    }

    /** Counter {@code t[i]} learns {@code bit}, slowing to 1/{@code limit} ({@code limit < 1024}); returns the bit. */
    static int adapt(int[] t, int i, int bit, int limit) {
        int v = t[i];
        int p = v >>> COUNT_BITS;
        int c = v & ((1 << COUNT_BITS) - 1);
        p += (((bit << 16) - p) * RATE[c]) >> 16;
        if (c < limit) {
            c++;
        }
        t[i] = (p << COUNT_BITS) | c;
        return bit;
    }

    /** Quarter-octave level of a running mean {@code e} (1/256): 4 log2(1 + e/256), below {@link #LEVELS}. */
    static int level(int e) {
        int v = e + 256;
        int b = 31 - Integer.numberOfLeadingZeros(v);
        int lvl = ((b - 8) << 2) + ((v >>> (b - 2)) & 3);
        return Math.min(LEVELS - 1, lvl);
    }
}
