package ephyzip.predict;

/**
 * The network's dot products: {@code acc[o] = sum_j wt[j * stride + o] * v[j]} for all outputs at
 * once, weights laid out input by input ({@code stride}: outputs rounded up to {@link #LANES}).
 * Runs on the CPU's vector units through {@code jdk.incubator.vector} when the JVM has that module
 * ({@code --add-modules jdk.incubator.vector}, as bin/ephyzip runs), else on a scalar loop. Integer
 * sums that cannot overflow are exact in any order, so both paths, and any vector width, give
 * the same bits.
 */
final class Dot {
    /** Outputs are padded to a multiple of this (the widest vector: 16 ints). */
    static final int LANES = 16;
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("ephyzip.scalar");

    private Dot() {
    }

    static int stride(int outputs) {
        return (outputs + LANES - 1) / LANES * LANES;
    }

    /**
     * {@code w}: the weights output by output ({@code [o][j]}, for the scalar loop); {@code wt}:
     * the same input by input, padded ({@code [j][stride]}, for the vector loop).
     */
    static void sums(int[] w, int[] wt, int stride, int[] v, int n, int outputs, int[] acc) {
        if (VECTOR) {
            VectorDot.sums(wt, stride, v, n, acc);
        } else {
            for (int o = 0, base = 0; o < outputs; o++, base += n) {
                int a = 0;
                for (int j = 0; j < n; j++) {
                    a += w[base + j] * v[j];
                }
                acc[o] = a;
            }
        }
    }
}
