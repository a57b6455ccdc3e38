package ephyzip.predict;

import ephyzip.simd.Shapes;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Dot} on vector units; loaded only when the JVM has {@code jdk.incubator.vector}. */
final class VectorDot {
    /**
     * The CPU's widest vector, at most 256 bits: the network's layers are 8 channels wide, so wider
     * vectors would leave half their lanes idle (on AMD's AVX-512, which runs 512-bit operations as
     * two 256-bit halves, the default model's step took 1.3 times as long), and {@link VectorNet}
     * must use the same shape as every other network loop: a second shape of {@code IntVector} makes
     * the JDK's shared call sites bimorphic, and Java 17 then boxes vectors.
     */
    static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED.length() > 8
            ? IntVector.SPECIES_256 : IntVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /**
     * The long vectors of the gradient sums: the process's one shape of them ({@link Shapes}), which
     * holds as many lanes as {@link #SPECIES} (AVX-512) or half as many (AVX2, 128-bit units); on
     * a CPU where it holds neither, long vectors of half as many lanes in as many bits.
     */
    private static final VectorSpecies<Long> LONGS = Shapes.LONGS.length() == LANES || 2 * Shapes.LONGS.length() == LANES
            ? Shapes.LONGS : VectorSpecies.of(long.class, VectorShape.forBitSize(LANES * 32));
    /** One long vector holds a whole int vector's lanes (else two halves). A constant: C2 keeps one branch. */
    private static final boolean WHOLE_LONGS = LONGS.length() == LANES;
    /** As many short lanes as {@link #SPECIES} has int lanes. */
    private static final VectorSpecies<Short> SHORTS = VectorSpecies.of(short.class, VectorShape.forBitSize(LANES * 16));


    private VectorDot() {
    }

    static int lanes() {
        return LANES;
    }

    /**
     * {@link Dot#sparseSums}: outputs in groups of four vectors (then two, then one), each group one
     * pass over the nonzero inputs with its sums in registers: fewer passes and broadcasts.
     */
    static void sparseSums(int[] wt, int stride, int[] rowStart, int[] value, int count, int[] acc) {
        int k = 0;
        for (; k + 4 * LANES <= stride; k += 4 * LANES) {
            IntVector a0 = IntVector.zero(SPECIES);
            IntVector a1 = IntVector.zero(SPECIES);
            IntVector a2 = IntVector.zero(SPECIES);
            IntVector a3 = IntVector.zero(SPECIES);
            for (int i = 0; i < count; i++) {
                int base = rowStart[i] + k;
                IntVector x = IntVector.broadcast(SPECIES, value[i]);
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
            for (int i = 0; i < count; i++) {
                int base = rowStart[i] + k;
                IntVector x = IntVector.broadcast(SPECIES, value[i]);
                a0 = a0.add(IntVector.fromArray(SPECIES, wt, base).mul(x));
                a1 = a1.add(IntVector.fromArray(SPECIES, wt, base + LANES).mul(x));
            }
            a0.intoArray(acc, k);
            a1.intoArray(acc, k + LANES);
        }
        for (; k < stride; k += LANES) {
            // two sums, odd and even entries: half the chain of dependent adds
            IntVector e = IntVector.zero(SPECIES);
            IntVector d = IntVector.zero(SPECIES);
            int i = 0;
            for (; i + 1 < count; i += 2) {
                e = e.add(IntVector.fromArray(SPECIES, wt, rowStart[i] + k).mul(value[i]));
                d = d.add(IntVector.fromArray(SPECIES, wt, rowStart[i + 1] + k).mul(value[i + 1]));
            }
            if (i < count) {
                e = e.add(IntVector.fromArray(SPECIES, wt, rowStart[i] + k).mul(value[i]));
            }
            e.add(d).intoArray(acc, k);
        }
    }

    /**
     * {@link Dot#sums} for a layer of {@link Dot#SQUARE} inputs a tap and as many outputs (the
     * shipped network's dilated layers): with constant trip counts C2 unrolls the loops whole and
     * drops their range checks, 2.2 times faster than {@link #sums} (measured in a loop of one
     * layer, 512-bit vectors). Vectors of 8 ints; the caller takes {@link #sums} otherwise.
     */
    static void squareSums(int[] wt, int[] a, int aOff, int[] b, int bOff, int[] acc) {
        final int n = Dot.SQUARE;
        if (a == null) { // zeros, not a branch around the loop: a vector merged from two branches is boxed
            a = ZEROS;
            aOff = 0;
        }
        // two vectors of outputs
        IntVector lo = IntVector.zero(SPECIES);
        IntVector hi = IntVector.zero(SPECIES);
        for (int j = 0; j < n; j++) {
            int x = a[aOff + j];
            lo = lo.add(IntVector.fromArray(SPECIES, wt, j * n).mul(x));
            hi = hi.add(IntVector.fromArray(SPECIES, wt, j * n + LANES).mul(x));
        }
        for (int j = 0; j < n; j++) {
            int x = b[bOff + j];
            lo = lo.add(IntVector.fromArray(SPECIES, wt, (n + j) * n).mul(x));
            hi = hi.add(IntVector.fromArray(SPECIES, wt, (n + j) * n + LANES).mul(x));
        }
        lo.intoArray(acc, 0);
        hi.intoArray(acc, LANES);
    }

    private static final int[] ZEROS = new int[Dot.SQUARE];

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

    /**
     * {@link GeometricMixer}'s scores {@code sc[c] = (v0 la[c] + v1 ln[off + c]) >> 16} for
     * {@code lo <= c < hi}, in int lanes; returns their maximum, or {@code Integer.MIN_VALUE} when
     * {@code v0 max|la| + v1 max ln} might reach 2^31 (then some int product or sum could have
     * wrapped, and the caller computes in longs). Below that bound the ints hold the exact sums,
     * and {@code >>} floors them as the long path does: the same scores. {@code 0 <= v0, v1 <= 2^18}.
     */
    static int scores(int[] la, short[] ln, int off, int lo, int hi, int v0, int v1, int[] sc) {
        IntVector max = IntVector.broadcast(SPECIES, Integer.MIN_VALUE);
        IntVector maxAbs = IntVector.zero(SPECIES);
        IntVector maxLn = IntVector.zero(SPECIES);
        int c = lo;
        for (; c + LANES <= hi; c += LANES) {
            IntVector x = IntVector.fromArray(SPECIES, la, c);
            IntVector y = (IntVector) ShortVector.fromArray(SHORTS, ln, off + c).convertShape(VectorOperators.S2I, SPECIES, 0);
            IntVector s = x.mul(v0).add(y.mul(v1)).lanewise(VectorOperators.ASHR, 16);
            s.intoArray(sc, c);
            max = max.max(s);
            maxAbs = maxAbs.max(x.abs());
            maxLn = maxLn.max(y.abs());
        }
        long bound = (long) v0 * maxAbs.reduceLanes(VectorOperators.MAX) + (long) v1 * maxLn.reduceLanes(VectorOperators.MAX);
        if (bound >= 1L << 31) {
            return Integer.MIN_VALUE;
        }
        int m = max.reduceLanes(VectorOperators.MAX);
        for (; c < hi; c++) {
            int s = (int) (((long) v0 * la[c] + (long) v1 * ln[off + c]) >> 16);
            sc[c] = s;
            m = Math.max(m, s);
        }
        return m;
    }

    /**
     * {@code out[0] = sum f[c] la[c]}, {@code out[1] = sum f[c] ln[off + c]} over {@code lo <= c < hi},
     * with {@code f[c] = cum[c + 1] - cum[c]} (the mixer's gradient sums, from its cumulative
     * table, so that its softmax loop stores one array, not two), products in int lanes, sums in
     * long lanes; returns 0, or -1 when a product might leave an int ({@code f <= 2^16}: |la| or
     * ln must stay below 2^15), and then {@code out} is not set.
     */
    static long weightedSums(int[] cum, int[] la, short[] ln, int off, int lo, int hi, long[] out) {
        LongVector sa = LongVector.zero(LONGS);
        LongVector sb = LongVector.zero(LONGS);
        IntVector maxAbs = IntVector.zero(SPECIES);
        int c = lo;
        for (; c + LANES <= hi; c += LANES) {
            IntVector fv = IntVector.fromArray(SPECIES, cum, c + 1).sub(IntVector.fromArray(SPECIES, cum, c));
            IntVector x = IntVector.fromArray(SPECIES, la, c);
            IntVector y = (IntVector) ShortVector.fromArray(SHORTS, ln, off + c).convertShape(VectorOperators.S2I, SPECIES, 0);
            maxAbs = maxAbs.max(x.abs()).max(y.abs());
            IntVector pa = fv.mul(x);
            IntVector pb = fv.mul(y);
            if (WHOLE_LONGS) {
                sa = sa.add(pa.convertShape(VectorOperators.I2L, LONGS, 0));
                sb = sb.add(pb.convertShape(VectorOperators.I2L, LONGS, 0));
            } else {
                sa = sa.add(pa.convertShape(VectorOperators.I2L, LONGS, 0)).add(pa.convertShape(VectorOperators.I2L, LONGS, 1));
                sb = sb.add(pb.convertShape(VectorOperators.I2L, LONGS, 0)).add(pb.convertShape(VectorOperators.I2L, LONGS, 1));
            }
        }
        if (maxAbs.reduceLanes(VectorOperators.MAX) >= 1 << 15) {
            return -1;
        }
        long a = sa.reduceLanes(VectorOperators.ADD);
        long b = sb.reduceLanes(VectorOperators.ADD);
        for (; c < hi; c++) {
            long f = cum[c + 1] - cum[c];
            a += f * la[c];
            b += f * ln[off + c];
        }
        out[0] = a;
        out[1] = b;
        return 0;
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
