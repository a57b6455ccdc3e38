package ephyzip.residual;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** {@link LmsLoops} on vector units; loaded only when the JVM has {@code jdk.incubator.vector}. */
final class VectorLms {
    /** The CPU's widest long vector, at most 512 bits. */
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED.vectorBitSize() > 512
            ? LongVector.SPECIES_512 : LongVector.SPECIES_PREFERRED;
    private static final int LANES = LONGS.length();
    /** As many int lanes as {@link #LONGS} has long lanes. */
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, VectorShape.forBitSize(LANES * 32));
    private static final long LIMIT = Nlms.W_LIMIT;

    private VectorLms() {
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
        return s.reduceLanes(VectorOperators.ADD) + LmsLoops.learnAndSum(w, h, from, to, i, n, gm);
    }

    private static LongVector longs(int[] a, int off) {
        return (LongVector) IntVector.fromArray(INTS, a, off).convertShape(VectorOperators.I2L, LONGS, 0);
    }
}
