package ephyzip.residual;

/**
 * The loop of {@link Nlms}, on the vector units ({@link VectorLms}) when the JVM has
 * {@code jdk.incubator.vector}, else scalar. Its sums and products are of longs, taken modulo 2^64
 * (the same in any order), and each weight's step reads only that weight and its history value,
 * so both give the same bits.
 */
final class LmsLoops {
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("ephyzip.scalar");

    private LmsLoops() {
    }

    /**
     * For {@code i < n}: {@code w[i] = clamp(w[i] + ((h[from + i] gm + 2^9) >> 10), +-W_LIMIT)};
     * returns {@code sum_{i<n} w[i] h[to + i]} over the new weights.
     */
    static long learnAndSum(int[] w, int[] h, int from, int to, int n, long gm) {
        if (VECTOR) {
            return VectorLms.learnAndSum(w, h, from, to, n, gm);
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
}
