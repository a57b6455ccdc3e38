package ephyzip.residual;

/**
 * The least squares as 0.5.0 computed it (row by row, with a scalar covariance update), kept to
 * pin that the vector loops give its bits.
 */
final class ReferenceOls {
    /** The value of the constant input (an intercept: ADCs with an offset), when there is one. */
    static final int CONSTANT = 4096;
    private final int n;
    private final int order;
    private final double lambda;
    private final double nu;
    private final int interval;
    private final double[] hist;
    private final double[] cov;
    private final double[] b;
    private final double[] w;
    private final double[] chol;
    private final double[] y;
    private int count;

    ReferenceOls(int order, int extra, boolean constant, double lambda, double nu, int interval) {
        this.order = order;
        this.n = order + extra + (constant ? 1 : 0);
        int n = this.n;
        this.lambda = lambda;
        this.nu = nu;
        this.interval = interval;
        hist = new double[n];
        if (constant) {
            hist[n - 1] = CONSTANT;
        }
        cov = new double[n * n];
        b = new double[n];
        w = new double[n];
        chol = new double[n * n];
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
            int row = i * n;
            for (int j = i; j < n; j++) {
                cov[row + j] = l * cov[row + j] + hi * h[j];
            }
            b[i] = l * b[i] + hi * v;
        }
        if (++count >= interval) {
            count = 0;
            solve();
        }
        System.arraycopy(h, 0, h, 1, order - 1);
        h[0] = v;
    }

    /** Cholesky of cov + delta I, then the two triangular solves; keeps the old weights if not positive definite. */
    private void solve() {
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += cov[i * n + i];
        }
        double delta = nu * trace / n + 1.0;
        double[] c = chol;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[j * n + i] + (i == j ? delta : 0.0);
                for (int k = 0; k < j; k++) {
                    s -= c[i * n + k] * c[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0.0)) {
                        return;
                    }
                    c[i * n + i] = StrictMath.sqrt(s);
                } else {
                    c[i * n + j] = s / c[j * n + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= c[i * n + k] * y[k];
            }
            y[i] = s / c[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= c[k * n + i] * w[k];
            }
            w[i] = s / c[i * n + i];
        }
    }
}
