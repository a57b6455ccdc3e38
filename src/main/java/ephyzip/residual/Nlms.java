package ephyzip.residual;

/**
 * A normalized LMS stage in integers: predicts its target from the last {@code n} values of that
 * target, weights in 1/2^24, step {@code mu / 256} normalized by the power of the history.
 *
 * <p>The history is a ring of {@code n + 1} values written twice ({@code hist[k] == hist[k + n + 1]}),
 * so that the last {@code n} values, newest first, lie contiguous at {@code hist[pos .. pos + n)},
 * and so do the {@code n} before the newest, at {@code hist[pos + 1 ..)}: a new value costs two
 * stores instead of shifting the whole history, and one pass over the weights both learns (from the
 * history the prediction read) and sums the next prediction (over the history with the new value).
 * The loops run on the vector units when the JVM has {@code jdk.incubator.vector} ({@link Loops}).
 */
final class Nlms {
    static final int W_LIMIT = 1 << 28;
    private final int n;
    private final int mu;
    /** The ring's length: one more than the window, so the old and the new window both fit. */
    private final int ring;
    private final int[] hist;
    private final int[] w;
    private int pos;
    private long power;
    /** {@code sum w[i] hist[pos + i]}: the next prediction before rounding. */
    private long sum;

    Nlms(int n, int mu) {
        this.n = n;
        this.mu = mu;
        ring = n + 1;
        hist = new int[2 * ring];
        w = new int[n];
    }

    int predict() {
        return (int) ((sum + (1 << 23)) >> 24);
    }

    /** Learns from the error of its last prediction {@code err} and takes the target that came, {@code x}. */
    void update(int err, int x) {
        long g = ((long) err << 26) / (power + 64);
        int old = hist[pos + n - 1];
        power -= (long) old * old;
        int next = pos == 0 ? ring - 1 : pos - 1; // outside hist[pos .. pos + n), as is next + ring
        int c = Math.max(-32768, Math.min(32767, x));
        hist[next] = c;
        hist[next + ring] = c;
        power += (long) c * c;
        // g * h * mu == h * (g * mu) modulo 2^64: one product a weight
        sum = Loops.learnAndSum(w, hist, pos, next, n, g * mu);
        pos = next;
    }
}
