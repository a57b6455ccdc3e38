package ephyzip.predict;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link Dot#sums} on vector units; loaded only when the JVM has {@code jdk.incubator.vector}. */
final class VectorDot {
    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED.length() > Dot.LANES
            ? IntVector.SPECIES_512 : IntVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorDot() {
    }

    /**
     * Outputs in groups of four vectors (then two, then one), each group one pass over the inputs
     * with its sums in registers: fewer passes and broadcasts than a vector at a time.
     */
    static void sums(int[] wt, int stride, int[] v, int n, int[] acc) {
        int k = 0;
        for (; k + 4 * LANES <= stride; k += 4 * LANES) {
            IntVector a0 = IntVector.zero(SPECIES);
            IntVector a1 = IntVector.zero(SPECIES);
            IntVector a2 = IntVector.zero(SPECIES);
            IntVector a3 = IntVector.zero(SPECIES);
            for (int j = 0, base = k; j < n; j++, base += stride) {
                IntVector x = IntVector.broadcast(SPECIES, v[j]);
                a0 = a0.add(IntVector.fromArray(SPECIES, wt, base).mul(x));
                a1 = a1.add(IntVector.fromArray(SPECIES, wt, base + LANES).mul(x));
                a2 = a2.add(IntVector.fromArray(SPECIES, wt, base + 2 * LANES).mul(x));
                a3 = a3.add(IntVector.fromArray(SPECIES, wt, base + 3 * LANES).mul(x));
            }
            a0.intoArray(acc, k);
            a1.intoArray(acc, k + LANES);
            a2.intoArray(acc, k + 2 * LANES);
            a3.intoArray(acc, k + 3 * LANES);
        }
        for (; k + 2 * LANES <= stride; k += 2 * LANES) {
            IntVector a0 = IntVector.zero(SPECIES);
            IntVector a1 = IntVector.zero(SPECIES);
            for (int j = 0, base = k; j < n; j++, base += stride) {
                IntVector x = IntVector.broadcast(SPECIES, v[j]);
                a0 = a0.add(IntVector.fromArray(SPECIES, wt, base).mul(x));
                a1 = a1.add(IntVector.fromArray(SPECIES, wt, base + LANES).mul(x));
            }
            a0.intoArray(acc, k);
            a1.intoArray(acc, k + LANES);
        }
        for (; k < stride; k += LANES) {
            IntVector a = IntVector.zero(SPECIES);
            for (int j = 0, base = k; j < n; j++, base += stride) {
                a = a.add(IntVector.fromArray(SPECIES, wt, base).mul(v[j]));
            }
            a.intoArray(acc, k);
        }
    }
}
