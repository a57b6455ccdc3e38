package ephyzip.predict;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link Dot#sums} on vector units; loaded only when the JVM has {@code jdk.incubator.vector}. */
final class VectorDot {
    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED.length() > Dot.LANES
            ? IntVector.SPECIES_512 : IntVector.SPECIES_PREFERRED;

    private VectorDot() {
    }

    static void sums(int[] wt, int stride, int[] v, int n, int[] acc) {
        int lanes = SPECIES.length();
        for (int k = 0; k < stride; k += lanes) {
            IntVector a = IntVector.zero(SPECIES);
            for (int j = 0, base = k; j < n; j++, base += stride) {
                a = a.add(IntVector.fromArray(SPECIES, wt, base).mul(v[j]));
            }
            a.intoArray(acc, k);
        }
    }
}
