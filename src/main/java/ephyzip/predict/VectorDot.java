package ephyzip.predict;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Dot} on vector units; loaded only when the JVM has {@code jdk.incubator.vector}. */
final class VectorDot {
    /** The CPU's widest vector, at most 512 bits. */
    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED.length() > 16
            ? IntVector.SPECIES_512 : IntVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorDot() {
    }

    static int lanes() {
        return LANES;
    }

    /**
     * {@link Dot#sums}: outputs in groups of four vectors (then two, then one), each group one
     * pass over the inputs with its sums in registers: fewer passes and broadcasts.
     */
    static void sums(int[] wt, int stride, int[] a, int aOff, int na, int[] b, int bOff, int nb, int[] acc) {
        int bBase = na * stride;
        int k = 0;
        for (; k + 4 * LANES <= stride; k += 4 * LANES) {
            IntVector a0 = IntVector.zero(SPECIES);
            IntVector a1 = IntVector.zero(SPECIES);
            IntVector a2 = IntVector.zero(SPECIES);
            IntVector a3 = IntVector.zero(SPECIES);
            if (a != null) {
                for (int j = 0, base = k; j < na; j++, base += stride) {
                    IntVector x = IntVector.broadcast(SPECIES, a[aOff + j]);
                    a0 = a0.add(IntVector.fromArray(SPECIES, wt, base).mul(x));
                    a1 = a1.add(IntVector.fromArray(SPECIES, wt, base + LANES).mul(x));
                    a2 = a2.add(IntVector.fromArray(SPECIES, wt, base + 2 * LANES).mul(x));
                    a3 = a3.add(IntVector.fromArray(SPECIES, wt, base + 3 * LANES).mul(x));
                }
            }
            for (int j = 0, base = bBase + k; j < nb; j++, base += stride) {
                IntVector x = IntVector.broadcast(SPECIES, b[bOff + j]);
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
            if (a != null) {
                for (int j = 0, base = k; j < na; j++, base += stride) {
                    IntVector x = IntVector.broadcast(SPECIES, a[aOff + j]);
                    a0 = a0.add(IntVector.fromArray(SPECIES, wt, base).mul(x));
                    a1 = a1.add(IntVector.fromArray(SPECIES, wt, base + LANES).mul(x));
                }
            }
            for (int j = 0, base = bBase + k; j < nb; j++, base += stride) {
                IntVector x = IntVector.broadcast(SPECIES, b[bOff + j]);
                a0 = a0.add(IntVector.fromArray(SPECIES, wt, base).mul(x));
                a1 = a1.add(IntVector.fromArray(SPECIES, wt, base + LANES).mul(x));
            }
            a0.intoArray(acc, k);
            a1.intoArray(acc, k + LANES);
        }
        for (; k < stride; k += LANES) {
            // two sums, odd and even inputs: half the chain of dependent adds
            IntVector e = IntVector.zero(SPECIES);
            IntVector d = IntVector.zero(SPECIES);
            if (a != null) {
                int j = 0;
                int base = k;
                for (; j + 1 < na; j += 2, base += 2 * stride) {
                    e = e.add(IntVector.fromArray(SPECIES, wt, base).mul(a[aOff + j]));
                    d = d.add(IntVector.fromArray(SPECIES, wt, base + stride).mul(a[aOff + j + 1]));
                }
                if (j < na) {
                    e = e.add(IntVector.fromArray(SPECIES, wt, base).mul(a[aOff + j]));
                }
            }
            int j = 0;
            int base = bBase + k;
            for (; j + 1 < nb; j += 2, base += 2 * stride) {
                e = e.add(IntVector.fromArray(SPECIES, wt, base).mul(b[bOff + j]));
                d = d.add(IntVector.fromArray(SPECIES, wt, base + stride).mul(b[bOff + j + 1]));
            }
            if (j < nb) {
                e = e.add(IntVector.fromArray(SPECIES, wt, base).mul(b[bOff + j]));
            }
            e.add(d).intoArray(acc, k);
        }
    }

    /** {@link Dot#activate} for whole vectors; returns how many outputs it wrote. */
    static int activate(int[] acc, int[] br, int shift, int lo, int hi, int[] dest, int off, int n) {
        int o = 0;
        for (; o + LANES <= n; o += LANES) {
            IntVector v = IntVector.fromArray(SPECIES, acc, o).add(IntVector.fromArray(SPECIES, br, o))
                    .lanewise(VectorOperators.ASHR, shift).max(lo).min(hi);
            v.intoArray(dest, off + o);
        }
        return o;
    }
}
