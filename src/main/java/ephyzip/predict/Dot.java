package ephyzip.predict;

/**
 * The network's dot products and activations. Weights are laid out input by input
 * ({@code wt[j * stride + o]}, {@code stride}: outputs rounded up to {@link #LANES}, padding 0; padding changes no sum).
 * Runs on the CPU's vector units through {@code jdk.incubator.vector} when the JVM has that module
 * ({@code --add-modules jdk.incubator.vector}, as bin/ephyzip runs), else on scalar loops. Integer
 * sums that cannot overflow are exact in any order, so both paths, and any vector width, give
 * the same bits.
 */
final class Dot {
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("ephyzip.scalar");
    /** Outputs are padded to a multiple of this: the vector length in ints (8 for the scalar loop). */
    static final int LANES = VECTOR ? VectorDot.lanes() : 8;
    /** Inputs a tap and outputs of the layers {@link VectorDot#squareSums} takes. */
    static final int SQUARE = 16;

    private Dot() {
    }

    static int stride(int outputs) {
        return (outputs + LANES - 1) / LANES * LANES;
    }

    /**
     * Appends the nonzero entries of {@code v[off..off+n)} to a list of (weight row start, value),
     * input j of the layer being {@code firstRow + j}; returns the list's new length. ReLU leaves
     * many inputs at zero, and a zero input adds nothing to any sum: skipping its row changes no bit.
     * Branch-free, so the pattern of zeros costs no mispredictions.
     */
    static int nonzeros(int[] v, int off, int n, int firstRow, int stride, int[] rowStart, int[] value, int count) {
        int row = firstRow * stride;
        for (int j = 0; j < n; j++, row += stride) {
            int x = v[off + j];
            rowStart[count] = row;
            value[count] = x;
            count += x != 0 ? 1 : 0;
        }
        return count;
    }

    /**
     * {@code acc[o] = sum_{i<count} wt[rowStart[i] + o] value[i]} for every {@code o < stride}
     * (the list from {@link #nonzeros}).
     */
    static void sparseSums(int[] wt, int stride, int[] rowStart, int[] value, int count, int[] acc) {
        if (VECTOR) {
            VectorDot.sparseSums(wt, stride, rowStart, value, count, acc);
            return;
        }
        // eight outputs at a time in locals (the scalar loops' stride is a multiple of LANES, 8):
        // C1 alone (short decodes) keeps them in registers and does not unroll loops itself
        for (int k = 0; k < stride; k += 8) {
            int s0 = 0;
            int s1 = 0;
            int s2 = 0;
            int s3 = 0;
            int s4 = 0;
            int s5 = 0;
            int s6 = 0;
            int s7 = 0;
            for (int i = 0; i < count; i++) {
                int base = rowStart[i] + k;
                int x = value[i];
                s0 += wt[base] * x;
                s1 += wt[base + 1] * x;
                s2 += wt[base + 2] * x;
                s3 += wt[base + 3] * x;
                s4 += wt[base + 4] * x;
                s5 += wt[base + 5] * x;
                s6 += wt[base + 6] * x;
                s7 += wt[base + 7] * x;
            }
            store(acc, k, s0, s1, s2, s3, s4, s5, s6, s7);
        }
    }

    private static void store(int[] acc, int k, int s0, int s1, int s2, int s3, int s4, int s5, int s6, int s7) {
        acc[k] = s0;
        acc[k + 1] = s1;
        acc[k + 2] = s2;
        acc[k + 3] = s3;
        acc[k + 4] = s4;
        acc[k + 5] = s5;
        acc[k + 6] = s6;
        acc[k + 7] = s7;
    }

    /**
     * {@code acc[o] = sum_{j<na} wt[j][o] a[aOff + j] + sum_{j<nb} wt[na + j][o] b[bOff + j]} for
     * every {@code o < stride}; {@code a == null} stands for zeros (its rows are skipped).
     */
    static void sums(int[] wt, int stride, int[] a, int aOff, int na, int[] b, int bOff, int nb, int[] acc) {
        if (VECTOR) {
            if (na == SQUARE && nb == SQUARE && stride == SQUARE && 2 * LANES == SQUARE) {
                VectorDot.squareSums(wt, a, aOff, b, bOff, acc);
            } else {
                VectorDot.sums(wt, stride, a, aOff, na, b, bOff, nb, acc);
            }
            return;
        }
        java.util.Arrays.fill(acc, 0);
        if (a != null) {
            add(wt, 0, stride, a, aOff, na, acc);
        }
        add(wt, na * stride, stride, b, bOff, nb, acc);
    }

    /**
     * {@code acc[o] += sum_{j<n} wt[base + j * stride + o] v[off + j]}, eight outputs at a time in
     * locals as {@link #sparseSums} (the scalar loops' stride is a multiple of 8).
     */
    private static void add(int[] wt, int base, int stride, int[] v, int off, int n, int[] acc) {
        for (int k = 0; k < stride; k += 8) {
            int s0 = acc[k];
            int s1 = acc[k + 1];
            int s2 = acc[k + 2];
            int s3 = acc[k + 3];
            int s4 = acc[k + 4];
            int s5 = acc[k + 5];
            int s6 = acc[k + 6];
            int s7 = acc[k + 7];
            for (int j = 0, row = base + k; j < n; j++, row += stride) {
                int x = v[off + j];
                if (x == 0) { // a ReLU output at zero adds nothing
                    continue;
                }
                s0 += wt[row] * x;
                s1 += wt[row + 1] * x;
                s2 += wt[row + 2] * x;
                s3 += wt[row + 3] * x;
                s4 += wt[row + 4] * x;
                s5 += wt[row + 5] * x;
                s6 += wt[row + 6] * x;
                s7 += wt[row + 7] * x;
            }
            store(acc, k, s0, s1, s2, s3, s4, s5, s6, s7);
        }
    }

    /** {@code dest[off + o] = clamp((acc[o] + br[o]) >> shift, lo, hi)} for {@code o < n}. */
    static void activate(int[] acc, int[] br, int shift, int lo, int hi, int[] dest, int off, int n) {
        int o = 0;
        if (VECTOR && n >= LANES) { // calls with no whole vector would only run the loop's test
            o = VectorDot.activate(acc, br, shift, lo, hi, dest, off, n);
        }
        for (; o < n; o++) {
            dest[off + o] = Math.min(hi, Math.max(lo, (acc[o] + br[o]) >> shift));
        }
    }
}
