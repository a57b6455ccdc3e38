package ephyzip.predict;

import static jdk.incubator.vector.IntVector.broadcast;
import static jdk.incubator.vector.IntVector.fromArray;

import ephyzip.model.CnnWeights;
import ephyzip.model.QuantLayer;
import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CnnNet#step} for networks of the default model's shape, on 8-int vectors, every layer in
 * one pass: two-tap layers of 8 channels (the first reading the features), a 1x1 hidden layer of 8
 * inputs and up to 16 outputs, and an output layer of up to 16 inputs and 72 classes. Each input's
 * value is broadcast and multiplied by its row of weights, so a layer is straight-line code with
 * no reshuffling: about 145 ns a step of the default model against 310 ns for {@link CnnNet}'s
 * layer-by-layer step on 16-int vectors (0.7.0; 2026-11-30, one core of an AMD EPYC, Java 17 and
 * 25 alike). The same integers as {@link CnnNet}: every sum is exact, whatever its order.
 *
 * <p>Two rules keep Java 17's compiler from boxing vectors (measured: 2 to 4 times slower when it
 * does): no vector value flows out of a branch or out of a method the compiler may decline to
 * inline (every branch and every method ends in a store; Vector API calls are written out, not
 * wrapped in helpers), and no other shape of {@code IntVector} is used on the network's path
 * ({@link VectorDot#SPECIES}), as a second one turns the JDK's shared call sites bimorphic.
 *
 * <p>Loaded only when the JVM has {@code jdk.incubator.vector} and 8-int vectors ({@link #of}).
 */
final class VectorNet implements NetKernel {
    /** {@link VectorDot}'s species: one shape of {@code IntVector} for the whole network path. */
    private static final VectorSpecies<Integer> S = VectorDot.SPECIES;
    private static final int L = 8;
    /** Outputs of the hidden layer at most; inputs of the output layer. */
    private static final int HIDDEN = 16;
    /** Channels of the two-tap layers, inputs of the hidden layer. */
    private static final int WIDTH = 8;
    /** Output vectors: up to 72 classes (the default model has 65). */
    private static final int OUT_VECTORS = 9;

    /** One model's weights in this kernel's layout, shared by its channels (held weakly by the model). */
    private record Layout(int features, int pairs, int[] w0, int[] br0, int shift0, int[] w2, int[] br2, int[] shift2,
                          int[] dilation, int[] wh, int[] brh, int shifth, int[] wo, int[] bro, int shifto) {
    }

    private static final PerModel<Layout> LAYOUTS = new PerModel<>();

    private final Layout k;
    /** Per two-tap layer: its past inputs, (dilation + 1) rows of 8 ints. */
    private final int[][] ring;
    private final int[] pos;
    private final int[] hiddenIn = new int[HIDDEN];
    private final int[] hidden = new int[HIDDEN];
    private final int[] logits = new int[OUT_VECTORS * L];

    private VectorNet(Layout k) {
        this.k = k;
        ring = new int[k.pairs()][];
        pos = new int[k.pairs()];
        for (int i = 0; i < k.pairs(); i++) {
            ring[i] = new int[(k.dilation()[i] + 1) * L];
        }
    }

    /**
     * This kernel for {@code weights} when they have its shape and the JVM 8-int vectors, else
     * null. {@code biasRound}: {@link CnnNet}'s per-layer bias plus rounding (null where a sum
     * could leave an int: then not this kernel).
     */
    static NetKernel of(CnnWeights weights, int[][] biasRound) {
        if (S.length() != L || !fits(weights, biasRound)) {
            return null;
        }
        return new VectorNet(LAYOUTS.get(weights, w -> layout(w, biasRound)));
    }

    private static boolean fits(CnnWeights weights, int[][] biasRound) {
        List<QuantLayer> ls = weights.layers();
        int n = ls.size();
        if (n < 3) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            QuantLayer l = ls.get(i);
            boolean pair = i < n - 2;
            boolean ok = biasRound[i] != null && l.taps() == (pair ? 2 : 1)
                    && (i == 0 ? l.in() <= L : l.in() == (i == n - 1 ? ls.get(n - 2).out() : WIDTH))
                    && (pair ? l.out() == WIDTH : i == n - 2 ? l.out() <= HIDDEN : l.out() <= OUT_VECTORS * L);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Layout layout(CnnWeights weights, int[][] biasRound) {
        List<QuantLayer> ls = weights.layers();
        int n = ls.size();
        int pairs = n - 2;
        int[] w2 = new int[pairs * 2 * WIDTH * L];
        int[] br2 = new int[pairs * L];
        int[] shift2 = new int[pairs];
        int[] dilation = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            QuantLayer l = ls.get(i);
            dilation[i] = Math.max(1, l.dilation());
            shift2[i] = l.shift();
            System.arraycopy(biasRound[i], 0, br2, i * L, l.out());
            if (i > 0) {
                System.arraycopy(rows(l, L), 0, w2, i * 2 * WIDTH * L, 2 * WIDTH * L);
            }
        }
        QuantLayer first = ls.get(0);
        QuantLayer hid = ls.get(n - 2);
        QuantLayer out = ls.get(n - 1);
        return new Layout(first.in(), pairs, rows(first, L), Arrays.copyOf(biasRound[0], L), first.shift(), w2, br2,
                shift2, dilation, rows(hid, HIDDEN), Arrays.copyOf(biasRound[n - 2], HIDDEN), hid.shift(),
                // HIDDEN rows whatever the hidden layer's width: the output loop runs over all of them
                Arrays.copyOf(rows(out, OUT_VECTORS * L), HIDDEN * OUT_VECTORS * L),
                Arrays.copyOf(biasRound[n - 1], OUT_VECTORS * L), out.shift());
    }

    /** Input j's weights (the older tap's inputs first) as a row of {@code stride} outputs, padded with zeros. */
    private static int[] rows(QuantLayer l, int stride) {
        int r = l.taps() * l.in();
        int[] t = new int[r * stride];
        for (int o = 0; o < l.out(); o++) {
            for (int j = 0; j < r; j++) {
                t[j * stride + o] = l.weights()[o * r + j];
            }
        }
        return t;
    }

    @Override
    public void reset() {
        // a ring row not yet written is zero: the older tap before t = dilation adds nothing
        for (int[] r : ring) {
            Arrays.fill(r, 0);
        }
        Arrays.fill(pos, 0);
    }

    @Override
    public int[] step(int[] features) {
        Layout k = this.k;
        int[] r0 = ring[0];
        int cur = pos[0];
        int old = advance(0);
        int f = k.features();
        for (int j = 0; j < f; j++) {
            r0[cur * L + j] = Math.max(-CnnWeights.MAX_ACT, Math.min(CnnWeights.MAX_ACT, features[j]));
        }
        int[] dest0 = k.pairs() > 1 ? ring[1] : hiddenIn;
        int off0 = k.pairs() > 1 ? pos[1] * L : 0;
        if (f == 2) {
            first2(k, r0, old * L, cur * L, dest0, off0);
        } else {
            first(k, r0, old * L, cur * L, dest0, off0);
        }
        for (int i = 1; i < k.pairs(); i++) {
            int c = pos[i];
            int o = advance(i);
            boolean last = i + 1 == k.pairs();
            pair(k.w2(), i * 2 * WIDTH * L, ring[i], o * L, c * L, k.br2(), i * L, k.shift2()[i],
                    last ? hiddenIn : ring[i + 1], last ? 0 : pos[i + 1] * L);
        }
        top(k, hiddenIn);
        return logits;
    }

    /** Moves layer i's ring to the next step; returns the row of t - dilation (the next step's row). */
    private int advance(int i) {
        int next = pos[i] + 1 == ring[i].length / L ? 0 : pos[i] + 1;
        pos[i] = next;
        return next;
    }

    // Vector API calls are written out, not wrapped in helpers: a helper the compiler declined to
    // inline (its node budget spent) passed its vector boxed (measured: the step 1.8 times slower)

    /** The first layer for two features. */
    private static void first2(Layout k, int[] r, int a, int b, int[] dest, int off) {
        int[] w = k.w0();
        IntVector older = fromArray(S, w, 0).mul(broadcast(S, r[a]))
                .add(fromArray(S, w, L).mul(broadcast(S, r[a + 1])));
        IntVector newer = fromArray(S, w, 2 * L).mul(broadcast(S, r[b]))
                .add(fromArray(S, w, 3 * L).mul(broadcast(S, r[b + 1])));
        older.add(newer).add(fromArray(S, k.br0(), 0))
                .lanewise(VectorOperators.ASHR, k.shift0()).max(0).min(CnnWeights.MAX_ACT).intoArray(dest, off);
    }

    /** The first layer for any number of features (activity inputs). */
    private static void first(Layout k, int[] r, int a, int b, int[] dest, int off) {
        int[] w = k.w0();
        int f = k.features();
        IntVector s = fromArray(S, k.br0(), 0);
        for (int j = 0; j < f; j++) {
            s = s.add(fromArray(S, w, j * L).mul(broadcast(S, r[a + j])))
                    .add(fromArray(S, w, (f + j) * L).mul(broadcast(S, r[b + j])));
        }
        s.lanewise(VectorOperators.ASHR, k.shift0()).max(0).min(CnnWeights.MAX_ACT).intoArray(dest, off);
    }

    /** A two-tap layer of 8 channels: inputs of t - d at {@code r[a..]}, of t at {@code r[b..]}. */
    private static void pair(int[] w, int wo, int[] r, int a, int b, int[] br, int brOff, int shift,
            int[] dest, int off) {
        IntVector o0 = fromArray(S, w, wo).mul(broadcast(S, r[a]))
                .add(fromArray(S, w, wo + L).mul(broadcast(S, r[a + 1])));
        IntVector o1 = fromArray(S, w, wo + 2 * L).mul(broadcast(S, r[a + 2]))
                .add(fromArray(S, w, wo + 3 * L).mul(broadcast(S, r[a + 3])));
        IntVector o2 = fromArray(S, w, wo + 4 * L).mul(broadcast(S, r[a + 4]))
                .add(fromArray(S, w, wo + 5 * L).mul(broadcast(S, r[a + 5])));
        IntVector o3 = fromArray(S, w, wo + 6 * L).mul(broadcast(S, r[a + 6]))
                .add(fromArray(S, w, wo + 7 * L).mul(broadcast(S, r[a + 7])));
        IntVector n0 = fromArray(S, w, wo + 8 * L).mul(broadcast(S, r[b]))
                .add(fromArray(S, w, wo + 9 * L).mul(broadcast(S, r[b + 1])));
        IntVector n1 = fromArray(S, w, wo + 10 * L).mul(broadcast(S, r[b + 2]))
                .add(fromArray(S, w, wo + 11 * L).mul(broadcast(S, r[b + 3])));
        IntVector n2 = fromArray(S, w, wo + 12 * L).mul(broadcast(S, r[b + 4]))
                .add(fromArray(S, w, wo + 13 * L).mul(broadcast(S, r[b + 5])));
        IntVector n3 = fromArray(S, w, wo + 14 * L).mul(broadcast(S, r[b + 6]))
                .add(fromArray(S, w, wo + 15 * L).mul(broadcast(S, r[b + 7])));
        IntVector s = o0.add(o1).add(o2.add(o3)).add(n0.add(n1).add(n2.add(n3))).add(fromArray(S, br, brOff));
        s.lanewise(VectorOperators.ASHR, shift).max(0).min(CnnWeights.MAX_ACT).intoArray(dest, off);
    }

    /**
     * The 1x1 hidden layer (8 inputs, up to 16 outputs), then the output layer: one pass over the
     * hidden units with the nine output vectors' sums in registers. Every unit, the zeros of ReLU
     * too (about half): a list of the nonzero ones, as {@link CnnNet} keeps, made the step 10% slower
     * here (its loop's count varies, so its exit is mispredicted). One method, compiled on its own:
     * inlined into {@link #step}, Java 17's compiler lost the hidden layer's vector type and stored
     * it boxed.
     */
    private void top(Layout k, int[] in) {
        int[] out = hidden;
        int[] w = k.wh();
        for (int half = 0; half < HIDDEN; half += L) { // two vectors of outputs, one pass each
            IntVector s0 = fromArray(S, w, half).mul(broadcast(S, in[0]))
                    .add(fromArray(S, w, HIDDEN + half).mul(broadcast(S, in[1])));
            IntVector s1 = fromArray(S, w, 2 * HIDDEN + half).mul(broadcast(S, in[2]))
                    .add(fromArray(S, w, 3 * HIDDEN + half).mul(broadcast(S, in[3])));
            IntVector s2 = fromArray(S, w, 4 * HIDDEN + half).mul(broadcast(S, in[4]))
                    .add(fromArray(S, w, 5 * HIDDEN + half).mul(broadcast(S, in[5])));
            IntVector s3 = fromArray(S, w, 6 * HIDDEN + half).mul(broadcast(S, in[6]))
                    .add(fromArray(S, w, 7 * HIDDEN + half).mul(broadcast(S, in[7])));
            s0.add(s1).add(s2.add(s3)).add(fromArray(S, k.brh(), half))
                    .lanewise(VectorOperators.ASHR, k.shifth()).max(0).min(CnnWeights.MAX_ACT).intoArray(out, half);
        }
        int[] h = out;
        w = k.wo();
        int[] b = k.bro();
        IntVector a0 = fromArray(S, b, 0);
        IntVector a1 = fromArray(S, b, L);
        IntVector a2 = fromArray(S, b, 2 * L);
        IntVector a3 = fromArray(S, b, 3 * L);
        IntVector a4 = fromArray(S, b, 4 * L);
        IntVector a5 = fromArray(S, b, 5 * L);
        IntVector a6 = fromArray(S, b, 6 * L);
        IntVector a7 = fromArray(S, b, 7 * L);
        IntVector a8 = fromArray(S, b, 8 * L);
        for (int i = 0; i < HIDDEN; i++) { // every unit, zeros too: a fixed count's exit is predicted, a list's is not
            IntVector v = broadcast(S, h[i]);
            int base = i * OUT_VECTORS * L;
            a0 = a0.add(fromArray(S, w, base).mul(v));
            a1 = a1.add(fromArray(S, w, base + L).mul(v));
            a2 = a2.add(fromArray(S, w, base + 2 * L).mul(v));
            a3 = a3.add(fromArray(S, w, base + 3 * L).mul(v));
            a4 = a4.add(fromArray(S, w, base + 4 * L).mul(v));
            a5 = a5.add(fromArray(S, w, base + 5 * L).mul(v));
            a6 = a6.add(fromArray(S, w, base + 6 * L).mul(v));
            a7 = a7.add(fromArray(S, w, base + 7 * L).mul(v));
            a8 = a8.add(fromArray(S, w, base + 8 * L).mul(v));
        }
        int shift = k.shifto();
        int lo = -(1 << 24);
        int hi = 1 << 24;
        a0.lanewise(VectorOperators.ASHR, shift).max(lo).min(hi).intoArray(logits, 0);
        a1.lanewise(VectorOperators.ASHR, shift).max(lo).min(hi).intoArray(logits, L);
        a2.lanewise(VectorOperators.ASHR, shift).max(lo).min(hi).intoArray(logits, 2 * L);
        a3.lanewise(VectorOperators.ASHR, shift).max(lo).min(hi).intoArray(logits, 3 * L);
        a4.lanewise(VectorOperators.ASHR, shift).max(lo).min(hi).intoArray(logits, 4 * L);
        a5.lanewise(VectorOperators.ASHR, shift).max(lo).min(hi).intoArray(logits, 5 * L);
        a6.lanewise(VectorOperators.ASHR, shift).max(lo).min(hi).intoArray(logits, 6 * L);
        a7.lanewise(VectorOperators.ASHR, shift).max(lo).min(hi).intoArray(logits, 7 * L);
        a8.lanewise(VectorOperators.ASHR, shift).max(lo).min(hi).intoArray(logits, 8 * L);
    }
}
