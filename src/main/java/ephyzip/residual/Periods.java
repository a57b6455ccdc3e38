package ephyzip.residual;

/**
 * Finds a period at which a channel repeats (mains hum and its harmonics, a stimulator's pulses):
 * the lag, between {@link ResidualChannel#MIN_PERIOD} and {@link ResidualChannel#MAX_PERIOD}, at
 * which the first differences of the samples correlate most. Integer sums: the same lag on every
 * machine. The encoder tries the lag it finds and keeps it only where it codes smaller.
 */
public final class Periods {
    /** Samples the search reads at most. */
    static final int WINDOW = 1 << 14;

    private Periods() {
    }

    /** The best lag for {@code x[0..n)}, or 0 when none correlates by at least 2%. */
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
        long best = 0;
        int lag = 0;
        for (int l = ResidualChannel.MIN_PERIOD; l <= maxLag; l++) {
            long c = 0;
            for (int i = l + 1; i < m; i++) {
                c += (long) d[i] * d[i - l];
            }
            if (c > best) {
                best = c;
                lag = l;
            }
        }
        return best * 50 >= energy && energy > 0 ? lag : 0;
    }
}
