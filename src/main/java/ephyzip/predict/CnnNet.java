package ephyzip.predict;

import ephyzip.model.CnnWeights;
import ephyzip.model.QuantLayer;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming integer inference of the exported network: each step feeds one token's features and
 * computes only the newest column of every layer, reading older columns from per-layer rings.
 * Integer arithmetic only, so encoder and decoder get the same logits on any machine.
 */
public final class CnnNet {
    private final QuantLayer[] layers;
    /** Per layer: its past inputs, ring of {@code ringSize} rows of {@code in} ints. */
    private final int[][] rings;
    private final int[] ringSize;
    private final int[][] inputs;
    private final int[][] outputs;
    /** Per layer: its weights transposed to [input][output], so the inner loop runs over outputs. */
    private final int[][] transposed;
    /** Per layer: the dot products before bias and activation. */
    private final int[][] sums;
    private final int[] features = new int[2];
    /** The output layer's bias, this channel's own copy (it may learn while coding). */
    private final long[] outputBias;
    /** Extra fractional bits of the learning weights. */
    private static final int FINE = 16;
    private long[] shadow;
    private long[] biasShadow;
    private int t;

    public CnnNet(CnnWeights weights) {
        List<QuantLayer> ls = weights.layers();
        layers = ls.toArray(new QuantLayer[0]);
        rings = new int[layers.length][];
        ringSize = new int[layers.length];
        inputs = new int[layers.length][];
        outputs = new int[layers.length][];
        transposed = new int[layers.length][];
        sums = new int[layers.length][];
        outputBias = layers[layers.length - 1].bias().clone();
        for (int i = 0; i < layers.length; i++) {
            QuantLayer l = layers[i];
            int n = l.taps() * l.in();
            int stride = Dot.stride(l.out());
            int[] w = l.weights();
            int[] t = new int[n * stride]; // padding outputs have weight 0
            for (int o = 0; o < l.out(); o++) {
                for (int j = 0; j < n; j++) {
                    t[j * stride + o] = w[o * n + j];
                }
            }
            transposed[i] = t;
            sums[i] = new int[stride];
            // a power of two >= the dilation: the slot of t - d is read before t's row is written
            // into it, so d rows suffice (memory per channel matters with 1,024 channels)
            int size = Integer.highestOneBit(Math.max(1, l.dilation()));
            if (size < l.dilation()) {
                size *= 2;
            }
            ringSize[i] = l.taps() == 2 ? size : 0;
            rings[i] = new int[ringSize[i] * l.in()];
            inputs[i] = new int[l.taps() * l.in()];
            outputs[i] = new int[l.out()];
        }
    }

    public void reset() {
        for (int[] r : rings) {
            Arrays.fill(r, 0);
        }
        t = 0;
    }

    /** Feeds the newest token's features; returns the logits of the next token's class (fixed point). */
    public int[] step(int valueFeature, int stepFeature) {
        features[0] = clamp(valueFeature);
        features[1] = clamp(stepFeature);
        int[] cur = features;
        int[] x = cur;
        for (int i = 0; i < layers.length; i++) {
            QuantLayer l = layers[i];
            int[] v = inputs[i];
            int in = l.in();
            if (l.taps() == 2) {
                int mask = ringSize[i] - 1;
                int old = ((t - l.dilation()) & mask) * in;
                if (t >= l.dilation()) {
                    System.arraycopy(rings[i], old, v, 0, in);
                } else {
                    Arrays.fill(v, 0, in, 0);
                }
                System.arraycopy(cur, 0, v, in, in);
                System.arraycopy(cur, 0, rings[i], (t & mask) * in, in);
            } else {
                System.arraycopy(cur, 0, v, 0, in);
            }
            x = outputs[i];
            layer(l, transposed[i], sums[i], v, x, i == layers.length - 1 ? outputBias : l.bias());
            cur = x;
        }
        t++;
        return x;
    }

    /**
     * One layer: {@code out = act((bias + W v + round) >> shift)}, the sums by {@link Dot}. Integer
     * sums do not overflow (see {@link QuantLayer}), so their order does not change a bit.
     */
    private static void layer(QuantLayer l, int[] wt, int[] acc, int[] v, int[] out, long[] b) {
        Dot.sums(l.weights(), wt, acc.length, v, v.length, out.length, acc);
        int outs = out.length;
        int shift = l.shift();
        long round = shift == 0 ? 0 : 1L << (shift - 1);
        if (l.relu()) {
            for (int o = 0; o < outs; o++) {
                long a = (b[o] + acc[o] + round) >> shift;
                out[o] = (int) Math.min(CnnWeights.MAX_ACT, Math.max(0, a));
            }
        } else {
            for (int o = 0; o < outs; o++) {
                long a = (b[o] + acc[o] + round) >> shift;
                out[o] = (int) Math.max(-(1 << 24), Math.min(1 << 24, a));
            }
        }
    }

    /**
     * One integer gradient step on the output layer of this channel's copy of the network (a
     * measurement of learning while coding: {@code bench.OnlineLearning}; the codec does not call
     * it). {@code gradQ16[c]}: (1 if class c occurred, else 0) minus the network's probability of
     * c, in 1/2^16; the step is 2^-rateShift of the cross-entropy gradient. Only the vector path's
     * weights learn, so it needs {@code jdk.incubator.vector}.
     */
    void learnOutput(int[] gradQ16, int rateShift) {
        if (!Dot.VECTOR) {
            throw new IllegalStateException("learning while coding needs the vector path");
        }
        int last = layers.length - 1;
        QuantLayer l = layers[last];
        int[] h = inputs[last];
        int[] wt = transposed[last];
        int stride = sums[last].length;
        if (shadow == null) { // the weights with FINE more bits, so that small steps add up
            shadow = new long[wt.length];
            for (int k = 0; k < wt.length; k++) {
                shadow[k] = (long) wt[k] << FINE;
            }
            biasShadow = new long[outputBias.length];
            for (int o = 0; o < outputBias.length; o++) {
                biasShadow[o] = outputBias[o] << FINE;
            }
        }
        // d logit / d w = h (Q8), weights Q(shift=10) + FINE, gradient Q16
        int shift = 14 + rateShift - FINE;
        long half = shift > 0 ? 1L << (shift - 1) : 0; // round to nearest: a floor drags weights down
        for (int j = 0; j < h.length; j++) {
            int x = h[j];
            if (x == 0) {
                continue;
            }
            for (int o = 0, k = j * stride; o < l.out(); o++, k++) {
                long sw = shadow[k] + (((long) gradQ16[o] * x + half) >> shift);
                long limit = (long) QuantLayer.MAX_WEIGHT << FINE;
                sw = Math.max(-limit, Math.min(limit, sw));
                shadow[k] = sw;
                wt[k] = (int) ((sw + (1L << (FINE - 1))) >> FINE);
            }
        }
        for (int o = 0; o < l.out(); o++) {
            biasShadow[o] += (((long) gradQ16[o] << (8 + l.shift() - 16 + FINE)) + (1L << rateShift >> 1)) >> rateShift;
            outputBias[o] = (biasShadow[o] + (1L << (FINE - 1))) >> FINE;
        }
    }

    private static int clamp(int a) {
        return Math.max(-CnnWeights.MAX_ACT, Math.min(CnnWeights.MAX_ACT, a));
    }
}
