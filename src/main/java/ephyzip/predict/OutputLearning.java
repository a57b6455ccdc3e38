package ephyzip.predict;

/**
 * A measurement, not a stream format ({@code bench.OnlineLearning}): the network's output layer
 * learns each channel while it is coded, at rate 2^-shift, from the gradient of the coded class's
 * log probability under the network's softmax (as {@link LinearMix} computed it). Streams coded
 * with it decode only with it.
 */
final class OutputLearning {
    private final CnnNet net;
    private final LinearMix mix;
    private final int shift;
    private final int[] grad;

    OutputLearning(CnnNet net, LinearMix mix, int classes, int shift) {
        this.net = net;
        this.mix = mix;
        this.shift = shift;
        this.grad = new int[classes];
    }

    /** Learns from class {@code c}, the band's token classes at the last prediction being {@code lo..hi-1}. */
    void learn(int c, int lo, int hi, int other) {
        int[] weightOf = mix.networkWeights();
        long sum = 0;
        for (int k = 0; k < grad.length; k++) {
            sum += valid(k, lo, hi, other) ? weightOf[k] : 0;
        }
        for (int k = 0; k < grad.length; k++) {
            grad[k] = (k == c ? 65536 : 0)
                    - (valid(k, lo, hi, other) ? (int) ((weightOf[k] * 65536L) / Math.max(1, sum)) : 0);
        }
        net.learnOutput(grad, shift);
    }

    private static boolean valid(int c, int lo, int hi, int other) {
        return c == other || (c >= lo && c < hi);
    }
}
