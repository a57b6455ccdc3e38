package ephyzip.residual;

/**
 * Finds a period at which a channel repeats (mains hum and its harmonics, a stimulator's pulses):
 * the shortest lag, between {@link ResidualChannel#MIN_PERIOD} and {@link ResidualChannel#MAX_PERIOD},
 * at which the first differences of the samples correlate within 80% of the most they do at any. Integer sums: the same lag on every
 * machine. The encoder tries the lag it finds and keeps it only where it codes smaller.
 */
public final class Periods {
    /** Samples the search reads at most. */
    static final int WINDOW = 1 << 14;

    private Periods() {
    }

    /** The period of {@code x[0..n)}, or 0 when no lag correlates by at least 2% of the energy. */
    public static int find(short[] x, int n) {
        int m = Math.min(n, WINDOW);
        int maxLag = Math.min(ResidualChannel.MAX_PERIOD, m / 4);
        if (maxLag < ResidualChannel.MIN_PERIOD) {
            return 0;
        }
        int[] d = new int[m];
        for (int i = 1; i < m; i++) {
            d[i] = x[i] - x[i - 1];
        }
        long energy = 0;
        for (int i = 1; i < m; i++) {
            energy += (long) d[i] * d[i];
        }
        long[] c = new long[maxLag + 1];
        long best = 0;
        for (int l = ResidualChannel.MIN_PERIOD; l <= maxLag; l++) {
            long sum = 0;
            for (int i = l + 1; i < m; i++) {
                sum += (long) d[i] * d[i - l];
            }
            c[l] = sum;
            best = Math.max(best, sum);
        }
        if (energy == 0 || best * 50 < energy) {
            return 0;
        }
        // the shortest lag within 80% of the best: the fundamental, not one of its multiples
        for (int l = ResidualChannel.MIN_PERIOD; l <= maxLag; l++) {
            if (c[l] * 5 >= best * 4) {
                return l;
            }
        }
        return 0;
    }
}
