package ephyzip.model;

import java.util.Arrays;

/**
 * How busy a channel has been: running means of |step| (in tokens) at several time constants
 * (16, 256 and 4,096 samples), given to the network as log features. They tell it what lies
 * beyond its receptive field. Integer arithmetic, so encoder, decoder and training compute the
 * same values.
 */
public final class Activity {
    /** Time constants 2^shift samples. */
    private static final int[] SHIFTS = {4, 8, 12};
    public static final int MAX = SHIFTS.length;
    /** |step| is clamped to this before averaging (keeps the sums inside an int). */
    private static final int MAX_STEP = 1023;
    /** Fractional bits of the running means. */
    private static final int FRACTION = 16;

    private final int[] mean = new int[MAX];

    public void reset() {
        Arrays.fill(mean, 0);
    }

    /** Takes in the step from the previous token to the newest. */
    public void update(int step) {
        int a = Math.min(MAX_STEP, Math.abs(step)) << FRACTION;
        for (int i = 0; i < MAX; i++) {
            mean[i] += (a - mean[i]) >> SHIFTS[i];
        }
    }

    /**
     * Feature {@code i}: log2(1 + mean |step|) - 3, fixed point with {@link CnnWeights#ACT_BITS}
     * fractional bits (the mantissa's top 8 bits interpolate the logarithm).
     */
    public int feature(int i) {
        int v = mean[i] + (1 << FRACTION); // >= 2^16
        int msb = 31 - Integer.numberOfLeadingZeros(v);
        int frac = (v >>> (msb - 8)) & 0xFF;
        return ((msb - FRACTION - 3) << CnnWeights.ACT_BITS) + frac;
    }
}
