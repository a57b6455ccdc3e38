package ephyzip.residual;

/**
 * A normalized LMS stage in integers: predicts its target from the last {@code n} values of that
 * target, weights in 1/2^24, step {@code mu / 256} normalized by the power of the history.
 */
final class Nlms {
    private static final int W_LIMIT = 1 << 28;
    private final int n;
    private final int mu;
    private final int[] hist;
    private final int[] w;
    private long power;

    Nlms(int n, int mu) {
        this.n = n;
        this.mu = mu;
        hist = new int[n];
        w = new int[n];
    }

    int predict() {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (long) w[i] * hist[i];
        }
        return (int) ((s + (1 << 23)) >> 24);
    }

    /** Learns from the error of its last prediction {@code err} and takes the target that came, {@code x}. */
    void update(int err, int x) {
        long g = ((long) err << 26) / (power + 64);
        long m = mu;
        for (int i = 0; i < n; i++) {
            long d = (g * hist[i] * m + (1 << 9)) >> 10;
            int v = (int) Math.max(-W_LIMIT, Math.min(W_LIMIT, w[i] + d));
            w[i] = v;
        }
        int old = hist[n - 1];
        power -= (long) old * old;
        System.arraycopy(hist, 0, hist, 1, n - 1);
        int c = Math.max(-32768, Math.min(32767, x));
        hist[0] = c;
        power += (long) c * c;
    }
}
