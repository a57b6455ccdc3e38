package ephyzip.simd;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector shapes the codec's loops share; loaded only when the JVM has
 * {@code jdk.incubator.vector}.
 *
 * <p>Why shared: the Vector API's own methods ({@code LongVector.add}, {@code lanewise}) are one
 * piece of bytecode for every shape, so when one process uses two shapes of the same element type,
 * their call sites see two classes, and Java 17's C2 may then compile a loop that merges the two
 * and boxes every vector. The network's gradient sums used 256-bit long vectors and the residual
 * path's loops 512-bit ones; an encode runs both, and one encode-then-decode process in about
 * twenty ran its whole life at half speed, half its time in the API's boxed fallback (perf,
 * 2026-11-30, an AVX-512 machine).
 */
public final class Shapes {
    /** The CPU's widest long vector, at most 512 bits: the one shape of {@code LongVector} in a process. */
    public static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED.vectorBitSize() > 512
            ? LongVector.SPECIES_512 : LongVector.SPECIES_PREFERRED;

    private Shapes() {
    }
}
