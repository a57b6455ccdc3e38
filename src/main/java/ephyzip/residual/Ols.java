package ephyzip.residual;

/**
 * A linear predictor refitted by least squares as it goes: from the channel's last {@code order}
 * samples and {@code extra} values given before each prediction (other channels' samples at the
 * same time step), the covariance with exponential forgetting {@code lambda}, solved by Cholesky
 * every {@code interval} samples. It converges in a few hundred samples where an LMS stage needs
 * thousands, which is what a large, slow LFP needs.
 *
 * <p>Bit-exact on every JVM: only {@code +, -, *, /} on doubles in a fixed order (Java 17 defines
 * each as one IEEE 754 binary64 operation, never fused, never reordered), and {@code StrictMath}.
 * No {@code Math} intrinsics, and no sums across vector lanes: the covariance's update and the
 * Cholesky factor's columns run on the vector units where present ({@link Loops}), one entry a
 * lane, each lane the scalar loop's own operations in the same order.
 */
final class Ols {
    /** The value of the constant input (an intercept: ADCs with an offset), when there is one. */
    static final int CONSTANT = 4096;
    private final int n;
    private final int order;
    private final double lambda;
    private final double nu;
    private final int interval;
    /** The covariance's row length: {@code n} rounded up to whole vectors of doubles. */
    private final int stride;
    /** The inputs, zero past {@code n}. */
    private final double[] hist;
    private final double[] cov;
    private final double[] b;
    private final double[] w;
    /** The Cholesky factor by columns, each column {@code cholStride} long (room for a vector past its end). */
    private final double[] chol;
    private final int cholStride;
    private final double[] y;
    private int count;

    Ols(int order, int extra, boolean constant, double lambda, double nu, int interval) {
        this.order = order;
        this.n = order + extra + (constant ? 1 : 0);
        int n = this.n;
        this.lambda = lambda;
        this.nu = nu;
        this.interval = interval;
        stride = Loops.doubleStride(n);
        hist = new double[stride];
        if (constant) {
            hist[n - 1] = CONSTANT;
        }
        // upper triangle read; the rest of each row is written by whole vectors and never read
        cov = new double[n * stride];
        b = new double[n];
        w = new double[n];
        cholStride = n + Loops.doubleStride(1);
        chol = new double[n * cholStride];
        y = new double[n];
    }

    /** Sets extra input {@code j} (0 to extra - 1) for the next prediction. */
    void extra(int j, int v) {
        hist[order + j] = v;
    }

    /** The prediction of the next sample from the samples before it and the extra inputs. */
    double predict() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[i] * hist[i];
        }
        return s;
    }

    /** Takes the sample that came, {@code x}. */
    void update(int x) {
        double v = x;
        double[] h = hist;
        double l = lambda;
        for (int i = 0; i < n; i++) {
            double hi = h[i];
            Loops.decayAdd(cov, i * stride, l, hi, h, i, n, stride);
            b[i] = l * b[i] + hi * v;
        }
        if (++count >= interval) {
            count = 0;
            solve();
        }
        System.arraycopy(h, 0, h, 1, order - 1);
        h[0] = v;
    }

    /**
     * Cholesky of cov + delta I, then the two triangular solves; keeps the old weights if not
     * positive definite. The factor is worked out column by column and stored by columns
     * ({@code chol[k * cs + i]} = L[i][k]), so that a column's entries, each its own sum over
     * {@code k} in increasing order, run side by side in vector lanes ({@link Loops#column}): every
     * entry is the sum the row-by-row order takes, in the same order, so the same bits.
     */
    private void solve() {
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += cov[i * stride + i];
        }
        double delta = nu * trace / n + 1.0;
        double[] c = chol;
        int cs = cholStride;
        for (int j = 0; j < n; j++) {
            double d = cov[j * stride + j] + delta;
            for (int k = 0; k < j; k++) {
                d -= c[k * cs + j] * c[k * cs + j];
            }
            if (!(d > 0.0)) {
                return;
            }
            double ljj = StrictMath.sqrt(d);
            c[j * cs + j] = ljj;
            Loops.column(c, cs, cov, j * stride, j, n, ljj);
        }
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= c[k * cs + i] * y[k];
            }
            y[i] = s / c[i * cs + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= c[i * cs + k] * w[k];
            }
            w[i] = s / c[i * cs + i];
        }
    }
}
