package ephyzip.predict;

import ephyzip.model.CnnWeights;
import ephyzip.model.QuantLayer;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming integer inference of the exported network: each step feeds one token's features and
 * computes only the newest column of every layer. A dilated layer keeps its past inputs in a ring
 * of rows; the layer before it writes its output straight into that ring's newest row, so a step
 * copies nothing. Integer arithmetic only, so encoder and decoder get the same logits on any
 * machine.
 */
public final class CnnNet {
    private final QuantLayer[] layers;
    /** Per dilated layer: its past inputs, {@code ringSize} rows of {@code in} ints; else null. */
    private final int[][] rings;
    private final int[] ringSize;
    /** Per dilated layer: the ring row of the current step (t mod ringSize, kept by counting). */
    private final int[] ringPos;
    /** Per 1x1 layer: its input (the previous layer's output); else null. */
    private final int[][] inputs;
    private final int[] logits;
    /** Per layer: its weights transposed to [input][output], so the inner loop runs over outputs. */
    private final int[][] transposed;
    /** Per layer: the dot products before bias and activation, padded to {@link Dot#stride}. */
    private final int[][] sums;
    /** Per layer: bias plus rounding as ints, when no sum can leave an int (else the long path). */
    private final int[][] biasRound;
    /** The output layer's bias, this channel's own copy (it may learn while coding). */
    private final long[] outputBias;
    /** Extra fractional bits of the learning weights. */
    private static final int FINE = 16;
    private long[] shadow;
    private long[] biasShadow;
    private int t;
    private final int[] two = new int[2];
    /** Scratch of {@link #step}: the nonzero inputs of a layer, as (weight row start, value). */
    private final int[] rowStart;
    private final int[] value;
    /** The whole step in one kernel, where the JVM and the network's shape allow ({@link VectorNet}); else null. */
    private final NetKernel kernel;

    /**
     * Every channel's network of one model reads the same transposed weights and biases: built
     * once per model (they are most of a channel's memory otherwise, 26 KB), copied only by a
     * channel that learns ({@link #learnOutput}).
     */
    private static final PerModel<Shared> SHARED = new PerModel<>();

    /** Per layer: the transposed weights, and bias plus rounding as ints (or null: the long path). */
    private record Shared(int[][] transposed, int[][] biasRound) {
    }

    public CnnNet(CnnWeights weights) {
        this(weights, true);
    }

    /** {@code kernelAllowed}: false for a channel whose output layer learns ({@link #learnOutput}). */
    CnnNet(CnnWeights weights, boolean kernelAllowed) {
        List<QuantLayer> ls = weights.layers();
        layers = ls.toArray(new QuantLayer[0]);
        int n = layers.length;
        for (int i = 1; i < n; i++) {
            if (layers[i - 1].out() != layers[i].in()) {
                throw new IllegalArgumentException("layer " + i + " does not fit the one before it");
            }
        }
        Shared shared = SHARED.get(weights, CnnNet::share);
        transposed = shared.transposed().clone(); // a learning channel replaces its output layer's
        biasRound = shared.biasRound().clone();
        kernel = kernelAllowed && Dot.VECTOR ? VectorNet.of(weights, biasRound) : null;
        rings = new int[n][];
        ringSize = new int[n];
        ringPos = new int[n];
        inputs = new int[n][];
        sums = new int[n][];
        outputBias = layers[n - 1].bias().clone();
        logits = new int[layers[n - 1].out()];
        int widest = 0;
        for (int i = 0; i < n && kernel == null; i++) { // the kernel keeps a state of its own
            QuantLayer l = layers[i];
            sums[i] = new int[Dot.stride(l.out())];
            if (l.taps() == 2) {
                // d + 1 rows: t's row is written (by the layer before) while t - d's is still live
                int size = Math.max(1, l.dilation()) + 1;
                ringSize[i] = size;
                rings[i] = new int[size * l.in()];
            } else {
                inputs[i] = new int[l.in()];
            }
            widest = Math.max(widest, l.taps() * l.in());
        }
        rowStart = new int[widest];
        value = new int[widest];
    }

    /** One model's transposed weights and integer biases, for every channel of it. */
    private static Shared share(CnnWeights weights) {
        List<QuantLayer> ls = weights.layers();
        int n = ls.size();
        int[][] transposed = new int[n][];
        int[][] biasRound = new int[n][];
        for (int i = 0; i < n; i++) {
            QuantLayer l = ls.get(i);
            int rows = l.taps() * l.in();
            int stride = Dot.stride(l.out());
            biasRound[i] = intBias(l, l.bias());
            int[] w = l.weights();
            int[] t = new int[rows * stride]; // padding outputs have weight 0
            for (int o = 0; o < l.out(); o++) {
                for (int j = 0; j < rows; j++) {
                    t[j * stride + o] = w[o * rows + j];
                }
            }
            transposed[i] = t;
        }
        return new Shared(transposed, biasRound);
    }

    /**
     * Bias plus rounding as ints, or null when {@code |bias + round| + sum |w| * MAX_ACT} could
     * leave an int: then {@code bias + sum + round} is exact in int arithmetic, same bits as long.
     */
    private static int[] intBias(QuantLayer l, long[] bias) {
        int rows = l.taps() * l.in();
        long round = l.shift() == 0 ? 0 : 1L << (l.shift() - 1);
        int[] out = new int[Dot.stride(l.out())]; // padded: a kernel may load a whole vector
        for (int o = 0; o < l.out(); o++) {
            long bound = 0;
            for (int j = 0; j < rows; j++) {
                bound += Math.abs(l.weights()[o * rows + j]);
            }
            long b = bias[o] + round;
            if (Math.abs(b) + bound * CnnWeights.MAX_ACT > Integer.MAX_VALUE) {
                return null;
            }
            out[o] = (int) b;
        }
        return out;
    }

    /** Whether this network steps in one kernel ({@link VectorNet}). */
    boolean usesKernel() {
        return kernel != null;
    }

    public void reset() {
        if (kernel != null) {
            kernel.reset();
            return;
        }
        for (int[] r : rings) {
            if (r != null) {
                Arrays.fill(r, 0);
            }
        }
        Arrays.fill(ringPos, 0);
        t = 0;
    }

    /** {@link #step(int[])} for a network of two features. */
    public int[] step(int valueFeature, int stepFeature) {
        two[0] = valueFeature;
        two[1] = stepFeature;
        return step(two);
    }

    /**
     * Feeds the newest token's features ({@link CnnWeights#features}); returns the logits of the
     * next token's class (fixed point; the array is reused by the next step, and may be longer than
     * the classes).
     */
    public int[] step(int[] features) {
        if (kernel != null) {
            return kernel.step(features);
        }
        int[] first = rings[0] != null ? rings[0] : inputs[0];
        int width = layers[0].in();
        int firstOff = rings[0] != null ? ringPos[0] * width : 0;
        for (int k = 0; k < width; k++) {
            first[firstOff + k] = clamp(features[k]);
        }
        int last = layers.length - 1;
        for (int i = 0; i <= last; i++) {
            QuantLayer l = layers[i];
            int in = l.in();
            int[] acc = sums[i];
            int stride = acc.length;
            if (l.taps() == 2) {
                int pos = ringPos[i];
                int oldest = pos + 1 == ringSize[i] ? 0 : pos + 1; // the row of t - d
                int[] ring = rings[i];
                int cur = pos * in;
                ringPos[i] = oldest; // the next step's row: this step is done reading t - d's
                if (t >= l.dilation()) { // earlier, the older input is zero: it adds nothing
                    Dot.sums(transposed[i], stride, ring, oldest * in, in, ring, cur, in, acc);
                } else {
                    Dot.sums(transposed[i], stride, null, 0, in, ring, cur, in, acc);
                }
            } else {
                // a 1x1 layer reads ReLU outputs, about half of them zero (two-tap layers: fewer,
                // and too few outputs a row for skipping to pay, measured)
                int count = Dot.nonzeros(inputs[i], 0, in, 0, stride, rowStart, value, 0);
                Dot.sparseSums(transposed[i], stride, rowStart, value, count, acc);
            }
            // where the output goes: the next layer's ring row or input, or the logits
            int[] dest;
            int off;
            if (i == last) {
                dest = logits;
                off = 0;
            } else if (rings[i + 1] != null) {
                dest = rings[i + 1];
                off = ringPos[i + 1] * l.out();
            } else {
                dest = inputs[i + 1];
                off = 0;
            }
            activate(l, acc, i == last ? outputBias : l.bias(), biasRound[i], dest, off);
        }
        t++;
        return logits;
    }

    /**
     * {@code out = act((bias + sum + round) >> shift)}: ReLU clamped to {@link CnnWeights#MAX_ACT},
     * or (the output layer) clamped to +-2^24.
     */
    private static void activate(QuantLayer l, int[] acc, long[] b, int[] br, int[] dest, int off) {
        int outs = l.out();
        int shift = l.shift();
        int lo = low(l);
        int hi = high(l);
        if (br != null) {
            Dot.activate(acc, br, shift, lo, hi, dest, off, outs);
            return;
        }
        long round = shift == 0 ? 0 : 1L << (shift - 1);
        for (int o = 0; o < outs; o++) {
            long a = (b[o] + acc[o] + round) >> shift;
            dest[off + o] = (int) Math.min(hi, Math.max(lo, a));
        }
    }

    /** The lowest output of a layer: 0 after ReLU, else -2^24. */
    private static int low(QuantLayer l) {
        return l.relu() ? 0 : -(1 << 24);
    }

    /** The highest output of a layer: {@link CnnWeights#MAX_ACT} after ReLU, else 2^24. */
    private static int high(QuantLayer l) {
        return l.relu() ? CnnWeights.MAX_ACT : 1 << 24;
    }

    /**
     * One integer gradient step on the output layer of this channel's copy of the network (a
     * measurement of learning while coding: {@code bench.OnlineLearning}; the codec does not call
     * it). {@code gradQ16[c]}: (1 if class c occurred, else 0) minus the network's probability of
     * c, in 1/2^16; the step is 2^-rateShift of the cross-entropy gradient.
     */
    void learnOutput(int[] gradQ16, int rateShift) {
        if (kernel != null) {
            throw new IllegalStateException("a learning channel's network is made without the kernel");
        }
        int last = layers.length - 1;
        QuantLayer l = layers[last];
        int[] h = inputs[last];
        int[] wt = transposed[last];
        int stride = sums[last].length;
        if (shadow == null) { // the weights with FINE more bits, so that small steps add up
            wt = wt.clone(); // this channel's own copy: the shared one stays as it is
            transposed[last] = wt;
            shadow = new long[wt.length];
            for (int k = 0; k < wt.length; k++) {
                shadow[k] = (long) wt[k] << FINE;
            }
            biasShadow = new long[outputBias.length];
            for (int o = 0; o < outputBias.length; o++) {
                biasShadow[o] = outputBias[o] << FINE;
            }
            biasRound[last] = null; // learned biases take the long path
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
