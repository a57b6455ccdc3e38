package ephyzip.predict;

/**
 * A measurement, not a stream format ({@code bench.OnlineLearning}): format 3's {@link LinearMix}
 * with the network's output layer learning each channel while it is coded, at rate 2^-shift, from
 * the gradient of the coded class's log probability under the network's softmax (as the mix
 * computed it). Streams coded with it decode only with it. A mix of its own, so that the
 * predictor's hot path carries no learning hook.
 */
final class OutputLearning implements CnnMix {
    private final CnnNet net;
    private final LinearMix mix;
    private final int shift;
    private final int[] grad;
    private final int other;
    /** The band's token classes at the last prediction: {@code lo..hi-1}. */
    private int lo;
    private int hi;

    OutputLearning(CnnNet net, LinearMix mix, int classes, int shift) {
        this.net = net;
        this.mix = mix;
        this.shift = shift;
        this.grad = new int[classes];
        this.other = classes - 1;
    }

    @Override
    public int[] cumulative() {
        return mix.cumulative();
    }

    @Override
    public void reset() {
        mix.reset();
    }

    @Override
    public void mix(int[] logits, int prev, int lo, int hi) {
        this.lo = lo;
        this.hi = hi;
        mix.mix(logits, prev, lo, hi);
    }

    /** Learns from class {@code c} (the output layer first, then the mix, as before the split). */
    @Override
    public void update(int c, int token, int prev) {
        learn(c);
        mix.update(c, token, prev);
    }

    private void learn(int c) {
        int[] weightOf = mix.networkWeights();
        long sum = 0;
        for (int k = 0; k < grad.length; k++) {
            sum += valid(k) ? weightOf[k] : 0;
        }
        for (int k = 0; k < grad.length; k++) {
            grad[k] = (k == c ? 65536 : 0) - (valid(k) ? (int) ((weightOf[k] * 65536L) / Math.max(1, sum)) : 0);
        }
        net.learnOutput(grad, shift);
    }

    private boolean valid(int c) {
        return c == other || (c >= lo && c < hi);
    }
}
