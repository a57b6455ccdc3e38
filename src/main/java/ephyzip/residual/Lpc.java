package ephyzip.residual;

/**
 * A linear predictor refitted from the channel's recent autocorrelation, cheap enough for the
 * fast path: every {@link #BLOCK} samples the block's lagged products (exact, in longs) join a
 * running autocorrelation that forgets by {@code 2^-DECAY} a block (a time constant of about
 * 16,000 samples), and Levinson-Durbin gives the coefficients of order {@link #ORDER}, kept as
 * integers in 1/2^{@link #Q}. About ten times cheaper than {@link Ols}'s least squares, for
 * 1-2% more bits: the autocorrelation's Toeplitz shape is an approximation the covariance is not.
 *
 * <p>Bit-exact on every JVM: the products and sums are integers; Levinson-Durbin uses only
 * {@code + - * /} on doubles in a fixed order (one IEEE 754 operation each in Java 17) and
 * {@code StrictMath.floor}; the prediction is an integer dot product.
 */
final class Lpc {
    static final int ORDER = 12;
    static final int BLOCK = 32;
    static final int DECAY = 9;
    static final int Q = 14;
    /**
     * White noise added to the lag-0 term, as a share of it: keeps the solution stable when one
     * slow component (a large LFP) dominates, yet small enough not to hide the noise floor under
     * it (2^-12 cost Neuralynx recordings 10% of their bits).
     */
    private static final double WHITE = 1.0 / (1 << 20);
    private static final int COEF_LIMIT = 1 << 20;
    private final int[] hist = new int[2 * (ORDER + 1)];
    private int pos;
    private final long[] acc = new long[ORDER + 1];
    private final long[] r = new long[ORDER + 1];
    private final int[] coef = new int[ORDER];
    private final double[] a = new double[ORDER + 1];
    private final double[] next = new double[ORDER + 1];
    private int inBlock;

    /** The prediction of the next value. */
    int predict() {
        long s = 0;
        int p = pos;
        for (int i = 0; i < ORDER; i++) {
            s += (long) coef[i] * hist[p + i];
        }
        return (int) Math.max(-65536, Math.min(65536, (s + (1 << (Q - 1))) >> Q));
    }

    /** Takes the value that came ({@code |x| < 2^17}). */
    void update(int x) {
        int m = ORDER + 1;
        pos = pos == 0 ? m - 1 : pos - 1;
        hist[pos] = x;
        hist[pos + m] = x; // the window is contiguous at pos: no shifting
        int p = pos;
        for (int k = 0; k <= ORDER; k++) {
            acc[k] += (long) x * hist[p + k];
        }
        if (++inBlock == BLOCK) {
            inBlock = 0;
            for (int k = 0; k <= ORDER; k++) {
                r[k] += acc[k] - (r[k] >> DECAY);
                acc[k] = 0;
            }
            solve();
        }
    }

    /** Levinson-Durbin on {@code r}; stops at the first reflection that is not inside (-1, 1). */
    private void solve() {
        if (r[0] <= 0) {
            return;
        }
        double err = r[0] * (1 + WHITE);
        java.util.Arrays.fill(a, 0);
        for (int i = 1; i <= ORDER; i++) {
            double d = r[i];
            for (int j = 1; j < i; j++) {
                d -= a[j] * r[i - j];
            }
            double k = d / err;
            if (!(k > -1 && k < 1)) {
                break;
            }
            for (int j = 1; j < i; j++) {
                next[j] = a[j] - k * a[i - j];
            }
            System.arraycopy(next, 1, a, 1, i - 1);
            a[i] = k;
            err *= 1 - k * k;
        }
        for (int i = 0; i < ORDER; i++) {
            double c = StrictMath.floor(a[i + 1] * (1 << Q) + 0.5);
            coef[i] = (int) Math.max(-COEF_LIMIT, Math.min(COEF_LIMIT, c));
        }
    }
}
