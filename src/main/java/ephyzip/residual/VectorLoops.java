package ephyzip.residual;

import ephyzip.simd.Shapes;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** {@link Loops} on vector units; loaded only when the JVM has {@code jdk.incubator.vector}. */
final class VectorLoops {
    /** The CPU's widest long vector, at most 512 bits: the process's one shape of them ({@link Shapes}). */
    private static final VectorSpecies<Long> LONGS = Shapes.LONGS;
    private static final int LANES = LONGS.length();
    /** As many int lanes as {@link #LONGS} has long lanes. */
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, VectorShape.forBitSize(LANES * 32));
    /** As many double lanes as {@link #LONGS}. */
    private static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, LONGS.vectorShape());
    private static final long LIMIT = Nlms.W_LIMIT;

    private VectorLoops() {
    }

    static int doubleLanes() {
        return LANES;
    }

    static long learnAndSum(int[] w, int[] h, int from, int to, int n, long gm) {
        LongVector s = LongVector.zero(LONGS);
        int i = 0;
        for (; i + LANES <= n; i += LANES) {
            LongVector old = longs(h, from + i);
            LongVector d = old.mul(gm).add(1 << 9).lanewise(VectorOperators.ASHR, 10);
            LongVector nw = longs(w, i).add(d).max(-LIMIT).min(LIMIT);
            ((IntVector) nw.convertShape(VectorOperators.L2I, INTS, 0)).intoArray(w, i);
            s = s.add(nw.mul(longs(h, to + i)));
        }
        return s.reduceLanes(VectorOperators.ADD) + Loops.learnAndSum(w, h, from, to, i, n, gm);
    }

    private static LongVector longs(int[] a, int off) {
        return (LongVector) IntVector.fromArray(INTS, a, off).convertShape(VectorOperators.I2L, LONGS, 0);
    }

    /** From the whole vector holding {@code first} to {@code stride}: two products and a sum a lane, never fused. */
    static void decayAdd(double[] c, int row, double l, double hi, double[] h, int first, int stride) {
        DoubleVector lv = DoubleVector.broadcast(DOUBLES, l);
        DoubleVector hv = DoubleVector.broadcast(DOUBLES, hi);
        for (int j = first - first % LANES; j < stride; j += LANES) {
            DoubleVector old = DoubleVector.fromArray(DOUBLES, c, row + j);
            old.mul(lv).add(DoubleVector.fromArray(DOUBLES, h, j).mul(hv)).intoArray(c, row + j);
        }
    }

    /** {@link Loops#column}: lane i takes entry i's sum, over k in the same order. */
    static void column(double[] c, int cs, double[] cov, int row, int j, int n, double ljj) {
        for (int i = j + 1; i < n; i += LANES) {
            DoubleVector s = DoubleVector.fromArray(DOUBLES, cov, row + i).add(0.0);
            for (int k = 0; k < j; k++) {
                s = s.sub(DoubleVector.fromArray(DOUBLES, c, k * cs + i).mul(c[k * cs + j]));
            }
            s.div(ljj).intoArray(c, j * cs + i);
        }
    }
}
