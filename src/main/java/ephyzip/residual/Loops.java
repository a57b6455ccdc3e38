package ephyzip.residual;

/**
 * The residual path's inner loops that read and write each entry on its own (an LMS stage's
 * weights, the least squares' covariance), on the vector units ({@link VectorLoops}) when the JVM
 * has {@code jdk.incubator.vector}, else scalar. Both give the same bits: each lane does the scalar
 * loop's operations on its own entry, and the one sum across lanes, of longs taken modulo 2^64, is
 * the same in any order.
 */
final class Loops {
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("ephyzip.scalar");

    private Loops() {
    }

    /** {@code n} rounded up to whole vectors of doubles (8 on the scalar loop). */
    static int doubleStride(int n) {
        int lanes = VECTOR ? VectorLoops.doubleLanes() : 8;
        return (n + lanes - 1) / lanes * lanes;
    }

    /**
     * For {@code i < n}: {@code w[i] = clamp(w[i] + ((h[from + i] gm + 2^9) >> 10), +-W_LIMIT)};
     * returns {@code sum_{i<n} w[i] h[to + i]} over the new weights.
     */
    static long learnAndSum(int[] w, int[] h, int from, int to, int n, long gm) {
        if (VECTOR) {
            return VectorLoops.learnAndSum(w, h, from, to, n, gm);
        }
        return learnAndSum(w, h, from, to, 0, n, gm);
    }

    /** {@link #learnAndSum} over {@code first <= i < n}. */
    static long learnAndSum(int[] w, int[] h, int from, int to, int first, int n, long gm) {
        long s = 0;
        for (int i = first; i < n; i++) {
            long d = (h[from + i] * gm + (1 << 9)) >> 10;
            int v = (int) Math.max(-Nlms.W_LIMIT, Math.min(Nlms.W_LIMIT, w[i] + d));
            w[i] = v;
            s += (long) v * h[to + i];
        }
        return s;
    }

    /**
     * {@code c[row + j] = l c[row + j] + hi h[j]} for {@code first <= j < n}; the vector loop also
     * writes the row's other entries up to {@code stride} ({@link #doubleStride}, {@code h} that
     * long), which the caller must never read.
     */
    static void decayAdd(double[] c, int row, double l, double hi, double[] h, int first, int n, int stride) {
        if (VECTOR) {
            VectorLoops.decayAdd(c, row, l, hi, h, first, stride);
            return;
        }
        for (int j = first; j < n; j++) {
            c[row + j] = l * c[row + j] + hi * h[j];
        }
    }

    /**
     * Column {@code j} of a Cholesky factor below its diagonal {@code ljj}: for {@code j < i < n},
     * {@code s = cov[row + i] + 0.0}, then {@code s -= c[k cs + i] c[k cs + j]} for {@code k} from 0
     * to {@code j - 1} in that order, and {@code c[j cs + i] = s / ljj}. The vector loop also writes
     * up to a vector past {@code n}, which the caller must never read ({@code cs >= n + }
     * {@code doubleStride(1)}, and {@code cov} as long past {@code row + n}).
     */
    static void column(double[] c, int cs, double[] cov, int row, int j, int n, double ljj) {
        if (VECTOR) {
            VectorLoops.column(c, cs, cov, row, j, n, ljj);
            return;
        }
        for (int i = j + 1; i < n; i++) {
            double s = cov[row + i] + 0.0; // as the row-by-row order took it: -0.0 becomes 0.0
            for (int k = 0; k < j; k++) {
                s -= c[k * cs + i] * c[k * cs + j];
            }
            c[j * cs + i] = s / ljj;
        }
    }
}
