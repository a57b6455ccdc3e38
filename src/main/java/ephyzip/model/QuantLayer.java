package ephyzip.model;

/**
 * One layer of the exported network in integer form. Activations are fixed point with
 * {@link CnnWeights#ACT_BITS} fractional bits; weights carry {@code shift} fractional bits and
 * the bias {@code shift + ACT_BITS}. Row {@code o} of {@code weights} holds the {@code taps * in}
 * weights of output {@code o}, older tap first: tap 0 reads the input {@code dilation} steps back.
 * Invariant (checked on load): |weight| <= {@link #MAX_WEIGHT}, so with activations clamped to
 * {@link CnnWeights#MAX_ACT} no dot product overflows an int.
 */
public record QuantLayer(int in, int out, int taps, int dilation, int shift, int[] weights, long[] bias,
                         boolean relu) {
    public static final int MAX_WEIGHT = 2047;

    public QuantLayer {
        if (in < 1 || out < 1 || in > 256 || out > 1024 || taps < 1 || taps > 2 || dilation < 0 || dilation > 4096
                || shift < 0 || shift > 24 || weights.length != out * taps * in || bias.length != out) {
            throw new IllegalArgumentException("inconsistent layer shape");
        }
        for (int w : weights) {
            if (Math.abs(w) > MAX_WEIGHT) {
                throw new IllegalArgumentException("weight " + w + " out of range");
            }
        }
    }

    /** Quantizes float weights given as {@code w[o][taps*in]} and {@code b[o]}. */
    public static QuantLayer of(int in, int out, int taps, int dilation, float[][] w, float[] b, boolean relu) {
        double max = 1e-9;
        for (float[] row : w) {
            for (float v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        int shift = 0;
        while (shift < 16 && max * (1 << (shift + 1)) <= MAX_WEIGHT) {
            shift++;
        }
        int[] q = new int[out * taps * in];
        long[] qb = new long[out];
        for (int o = 0; o < out; o++) {
            for (int j = 0; j < taps * in; j++) {
                q[o * taps * in + j] = (int) Math.round(w[o][j] * (double) (1 << shift));
            }
            qb[o] = Math.round(b[o] * (double) (1L << (shift + CnnWeights.ACT_BITS)));
        }
        return new QuantLayer(in, out, taps, dilation, shift, q, qb, relu);
    }

    /** The float weight this layer stands for. */
    public float weight(int o, int j) {
        return (float) (weights[o * taps * in + j] / (double) (1 << shift));
    }

    public float biasValue(int o) {
        return (float) (bias[o] / (double) (1L << (shift + CnnWeights.ACT_BITS)));
    }
}
