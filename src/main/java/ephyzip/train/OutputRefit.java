package ephyzip.train;

import ephyzip.model.Activity;
import ephyzip.model.BigramTable;
import ephyzip.model.CnnWeights;
import ephyzip.model.LogTable;
import ephyzip.model.Model;
import ephyzip.model.QuantLayer;
import ephyzip.predict.CnnNet;
import ephyzip.predict.StepBand;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a network's output layer for the coder it serves: stream format 4 codes the next step
 * class with {@code p(c) ~ exp(w0 a(c) + w1 ln pb(c))}, the network's logits {@code a} mixed with
 * the bigram table's log-probabilities, starting from w0 = 1/2 and w1 = 0.6. The network was
 * trained alone, so half of what it learned the bigram table already says. Here the output layer
 * is fitted to the mixed distribution's log-loss instead (the bigram term fixed at its starting
 * weight), on the hidden layer's integer activations exactly as the codec computes them; the
 * layers below stay as they are. The problem is convex (a softmax regression with fixed offsets),
 * so a few epochs of Adam from the old layer find it. Float arithmetic is fine here: only the
 * quantized result is shared by encoder and decoder.
 */
public final class OutputRefit {
    /**
     * The mix the fit is for: the network's term at the format-4 mixer's starting weight
     * ({@code GeometricMixer}, 0.5: the output is stored so that it gives the fitted logits), the
     * bigram's at 0.8 rather than the mixer's starting 0.6, because each channel's mixer moves
     * there: with a fit for 0.6, its weights settled at 0.41 and 0.76 on the 112 held-out training
     * recordings (0.93 of bigram for one of network). Chosen there (bits a sample, 2026-11-24, default ddc8b7f2):
     * 0.6 4.51444, 0.8 4.51120, 1.0 4.51224.
     */
    static final double NETWORK_WEIGHT = 0.5;
    static final double BIGRAM_WEIGHT = 0.8;

    /** Layers refitted (the top ones), and the width of the first one's input (taps times inputs). */
    private final int depth;
    private final int width;
    private final int classes;
    /** Input of the first refitted layer of the samples kept, {@code width} a sample, in 1/256. */
    private final short[] x;
    /** Per kept sample: previous token, class that occurred. */
    private final short[] prevs;
    private final byte[] targets;
    private final int count;
    /** Per previous token: the bigram term of each class in nat (NaN where no token). */
    private final float[][] offsets;

    private OutputRefit(int depth, int width, int classes, short[] x, short[] prevs, byte[] targets, int count,
                        float[][] offsets) {
        this.depth = depth;
        this.width = width;
        this.classes = classes;
        this.x = x;
        this.prevs = prevs;
        this.targets = targets;
        this.count = count;
        this.offsets = offsets;
    }

    /**
     * Runs the model's network over {@code tokenSeqs} (each one channel's tokens) and keeps, of
     * every {@code stride}-th sample, the input of the top {@code depth} layers (above a dilated
     * layer only 1x1 layers may follow).
     */
    static OutputRefit collect(Model model, List<int[]> tokenSeqs, int stride, int depth) {
        CnnWeights w = model.cnn();
        List<QuantLayer> layers = w.layers();
        int n = layers.size();
        for (int k = n - depth + 1; k < n; k++) {
            if (layers.get(k).taps() != 1) {
                throw new IllegalArgumentException("only the lowest refitted layer may be dilated");
            }
        }
        QuantLayer first = layers.get(n - depth);
        int in = first.in();
        int taps = first.taps();
        int d = first.dilation();
        int width = in * taps;
        int classes = w.classes();
        if (in > classes) {
            throw new IllegalArgumentException("layer input wider than the output");
        }
        // the layers below the first refitted one, and an output layer that copies their output
        int[] ident = new int[classes * in];
        for (int j = 0; j < in; j++) {
            ident[j * in + j] = 1;
        }
        List<QuantLayer> probe = new ArrayList<>(layers.subList(0, n - depth));
        probe.add(new QuantLayer(in, classes, 1, 0, 0, ident, new long[classes], false));
        CnnNet net = new CnnNet(new CnnWeights(probe, w.band()));
        int size = model.alphabet().size();
        int start = model.alphabet().nearest(0);
        long total = 0;
        for (int[] t : tokenSeqs) {
            total += (t.length + stride - 1) / stride;
        }
        int cap = (int) Math.min(Integer.MAX_VALUE / width, total);
        short[] x = new short[cap * width];
        short[] prevs = new short[cap];
        byte[] targets = new byte[cap];
        int k = 0;
        int[] features = new int[w.features()];
        for (int[] seq : tokenSeqs) {
            net.reset();
            short[] ys = new short[seq.length * in]; // this channel's outputs of the layer below
            Activity activity = new Activity();
            int prev = start;
            int prevPrev = start;
            for (int i = 0; i < seq.length; i++) {
                w.features(prev, prevPrev, size, activity, features);
                int[] a = net.step(features);
                for (int j = 0; j < in; j++) {
                    ys[i * in + j] = (short) a[j];
                }
                int token = seq[i];
                if (i % stride == 0 && k < cap) {
                    int o = k * width;
                    if (taps == 2) { // older row first, zero before the dilation is reached
                        if (i >= d) {
                            System.arraycopy(ys, (i - d) * in, x, o, in);
                        }
                        o += in;
                    }
                    System.arraycopy(ys, i * in, x, o, in);
                    prevs[k] = (short) prev;
                    targets[k] = (byte) w.classOf(token, prev);
                    k++;
                }
                activity.update(token - prev);
                prevPrev = prev;
                prev = token;
            }
        }
        return new OutputRefit(depth, width, classes, x, prevs, targets, k, offsets(model));
    }

    /** The bigram term of the mix per previous token and class, in nat, as the codec computes it. */
    private static float[][] offsets(Model model) {
        BigramTable b = model.bigram();
        int size = b.size();
        int band = model.cnn().band();
        int other = 2 * band;
        float[][] off = new float[size][other + 1];
        for (int prev = 0; prev < size; prev++) {
            int lo = StepBand.lo(prev, band);
            int hi = StepBand.hi(prev, band, size);
            short[] ln = b.lnFrequencies(prev);
            for (int c = 0; c < other; c++) {
                off[prev][c] = c >= lo && c < hi ? ln[prev - band + c] / 256f : Float.NaN;
            }
            off[prev][other] = LogTable.ln(StepBand.otherFrequency(b, prev, band, lo, hi)) / 256f;
        }
        return off;
    }

    /** A float copy of the top layers: per layer, weights [out][width] then bias. */
    private static final class Head {
        final int[] ins;
        final int[] outs;
        final int[] wOff;
        final int[] bOff;
        final double[] p;

        Head(List<QuantLayer> top, double outputScale) {
            int L = top.size();
            ins = new int[L];
            outs = new int[L];
            wOff = new int[L];
            bOff = new int[L];
            int size = 0;
            for (int l = 0; l < L; l++) {
                QuantLayer q = top.get(l);
                ins[l] = q.in() * q.taps();
                outs[l] = q.out();
                wOff[l] = size;
                size += ins[l] * outs[l];
                bOff[l] = size;
                size += outs[l];
            }
            p = new double[size];
            for (int l = 0; l < L; l++) {
                QuantLayer q = top.get(l);
                double scale = l == L - 1 ? outputScale : 1;
                for (int o = 0; o < outs[l]; o++) {
                    for (int j = 0; j < ins[l]; j++) {
                        p[wOff[l] + o * ins[l] + j] = scale * q.weight(o, j);
                    }
                    p[bOff[l] + o] = scale * q.biasValue(o);
                }
            }
        }
    }

    /**
     * Fits the top layers from {@code top} (the output layer as stored: the mix scales it by
     * w0) with Adam, mini-batches of 1,024 in a seeded order, the batch's gradient summed in a
     * fixed order (the result does not depend on the thread count); returns the new layers,
     * the output stored so that the codec's starting weight w0 gives the fitted logits.
     */
    Fit fit(List<QuantLayer> top, int epochs, double rate, long seed, Consumer<String> log) {
        Head head = new Head(top, NETWORK_WEIGHT);
        double[] p = head.p;
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        int chunks = 4;
        double[][] g = new double[chunks][p.length];
        Work[] work = new Work[chunks];
        for (int c = 0; c < chunks; c++) {
            work[c] = new Work(head);
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Random rnd = new Random(seed);
        int batch = 1024;
        long step = 0;
        double before = loss(head, work);
        double after = before;
        log.accept(String.format("refit of %d layers: %d samples, loss %.5f bits", depth, count, before));
        for (int e = 0; e < epochs; e++) {
            for (int i = count - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lr = rate * (e + 1 < epochs ? 1 : 0.3); // a calmer last epoch
            for (int b0 = 0; b0 < count; b0 += batch) {
                int b1 = Math.min(count, b0 + batch);
                int per = (b1 - b0 + chunks - 1) / chunks;
                final int from = b0;
                java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
                    java.util.Arrays.fill(g[c], 0);
                    for (int bi = from + c * per; bi < Math.min(b1, from + (c + 1) * per); bi++) {
                        work[c].backward(head, order[bi], g[c]);
                    }
                });
                step++;
                double inv = 1.0 / (b1 - b0);
                double c1 = 1 - Math.pow(0.9, step);
                double c2 = 1 - Math.pow(0.999, step);
                for (int k = 0; k < p.length; k++) {
                    double gk = 0;
                    for (int c = 0; c < chunks; c++) {
                        gk += g[c][k];
                    }
                    gk *= inv;
                    m[k] = 0.9 * m[k] + 0.1 * gk;
                    v[k] = 0.999 * v[k] + 0.001 * gk * gk;
                    p[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
                }
            }
            after = loss(head, work);
            log.accept(String.format("refit epoch %d/%d: loss %.5f bits", e + 1, epochs, after));
        }
        List<QuantLayer> out = new ArrayList<>();
        for (int l = 0; l < top.size(); l++) {
            QuantLayer q = top.get(l);
            boolean last = l == top.size() - 1;
            double scale = last ? 1 / NETWORK_WEIGHT : 1;
            float[][] wq = new float[head.outs[l]][head.ins[l]];
            float[] bq = new float[head.outs[l]];
            for (int o = 0; o < head.outs[l]; o++) {
                for (int j = 0; j < head.ins[l]; j++) {
                    wq[o][j] = (float) (scale * p[head.wOff[l] + o * head.ins[l] + j]);
                }
                bq[o] = (float) (scale * p[head.bOff[l] + o]);
            }
            out.add(QuantLayer.of(q.in(), q.out(), q.taps(), q.dilation(), wq, bq, q.relu()));
        }
        return new Fit(out, count, before, after);
    }

    /** Mean log-loss of the mixed class distribution over the kept samples, in bits. */
    private double loss(Head head, Work[] work) {
        int chunks = work.length;
        int per = (count + chunks - 1) / chunks;
        double[] sums = new double[chunks];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            double s = 0;
            for (int i = c * per; i < Math.min(count, (c + 1) * per); i++) {
                work[c].forward(head, i);
                s -= Math.log(work[c].act[head.outs.length][targets[i]]);
            }
            sums[c] = s;
        });
        double sum = 0;
        for (double s : sums) {
            sum += s;
        }
        return sum / count / Math.log(2);
    }

    /** One thread's scratch: each layer's activations (the last: the mixed distribution). */
    private final class Work {
        final double[][] act;
        final double[][] delta;

        Work(Head head) {
            int L = head.outs.length;
            act = new double[L + 1][];
            delta = new double[L + 1][];
            act[0] = new double[width];
            delta[0] = new double[width];
            for (int l = 0; l < L; l++) {
                act[l + 1] = new double[head.outs[l]];
                delta[l + 1] = new double[head.outs[l]];
            }
        }

        void forward(Head head, int i) {
            double[] p = head.p;
            int L = head.outs.length;
            for (int j = 0; j < width; j++) {
                act[0][j] = x[i * width + j] / 256.0;
            }
            for (int l = 0; l < L; l++) {
                double[] a = act[l];
                double[] z = act[l + 1];
                int in = head.ins[l];
                boolean last = l == L - 1;
                float[] off = last ? offsets[prevs[i]] : null;
                for (int o = 0; o < head.outs[l]; o++) {
                    if (last && Float.isNaN(off[o])) {
                        z[o] = Double.NEGATIVE_INFINITY;
                        continue;
                    }
                    double s = p[head.bOff[l] + o];
                    int base = head.wOff[l] + o * in;
                    for (int j = 0; j < in; j++) {
                        s += p[base + j] * a[j];
                    }
                    z[o] = last ? s + BIGRAM_WEIGHT * off[o] : Math.min(CnnWeights.MAX_ACT / 256.0, Math.max(0, s));
                }
            }
            double[] z = act[L];
            double max = Double.NEGATIVE_INFINITY;
            for (double s : z) {
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int o = 0; o < z.length; o++) {
                z[o] = z[o] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(z[o] - max);
                sum += z[o];
            }
            for (int o = 0; o < z.length; o++) {
                z[o] /= sum;
            }
        }

        /** Adds the log-loss gradient of sample i to {@code g}. */
        void backward(Head head, int i, double[] g) {
            forward(head, i);
            double[] p = head.p;
            int L = head.outs.length;
            double[] top = delta[L];
            for (int o = 0; o < top.length; o++) {
                top[o] = act[L][o] - (o == targets[i] ? 1 : 0);
            }
            for (int l = L - 1; l >= 0; l--) {
                double[] d = delta[l + 1];
                double[] a = act[l];
                int in = head.ins[l];
                double[] below = delta[l];
                java.util.Arrays.fill(below, 0);
                for (int o = 0; o < head.outs[l]; o++) {
                    double dz = d[o];
                    if (dz == 0) {
                        continue;
                    }
                    int base = head.wOff[l] + o * in;
                    for (int j = 0; j < in; j++) {
                        g[base + j] += dz * a[j];
                        below[j] += dz * p[base + j];
                    }
                    g[head.bOff[l] + o] += dz;
                }
                if (l > 0) { // through the ReLU (and its clamp) of the layer below
                    for (int j = 0; j < in; j++) {
                        if (a[j] <= 0 || a[j] >= CnnWeights.MAX_ACT / 256.0) {
                            below[j] = 0;
                        }
                    }
                }
            }
        }
    }

    /**
     * The refitted layers, and the mean mixed log-loss (bits a sample) of the {@code samples}
     * kept before and after the fit (in float, on the unquantized parameters).
     */
    public record Fit(List<QuantLayer> layers, int samples, double lossBefore, double lossAfter) {
    }

    /** The refit of {@link #refit}: its model, and the fit's sample count and losses. */
    public record Refitted(Model model, int samples, double lossBefore, double lossAfter) {
    }

    /** {@code model} with its top {@code depth} layers refitted on {@code tokenSeqs}. */
    public static Refitted refit(Model model, List<int[]> tokenSeqs, int stride, int depth, int epochs, double rate,
                              long seed, Consumer<String> log) {
        OutputRefit r = collect(model, tokenSeqs, stride, depth);
        List<QuantLayer> layers = new ArrayList<>(model.cnn().layers());
        int n = layers.size();
        Fit fit = r.fit(layers.subList(n - depth, n), epochs, rate, seed, log);
        for (int l = 0; l < depth; l++) {
            layers.set(n - depth + l, fit.layers().get(l));
        }
        return new Refitted(model.withCnn(new CnnWeights(layers, model.cnn().band())), fit.samples(),
                fit.lossBefore(), fit.lossAfter());
    }
}
