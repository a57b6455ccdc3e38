package ephyzip.train;

import ephyzip.model.CnnWeights;

/**
 * The shape of the causal CNN: input features per sample (the token's centred value, its step
 * from the previous token, and optionally the channel's activity at several time constants), a stack of dilated causal convolutions with kernel 2, a 1x1
 * hidden layer, and a softmax over the step to the next token, in a band of +-band tokens plus
 * one class for "outside the band".
 */
public record CnnConfig(int channels, int[] dilations, int hidden, int band, int activities) {
    public static final int KERNEL = 2;

    public static CnnConfig standard() {
        return new CnnConfig(16, new int[] {1, 2, 4, 8, 16, 32, 64, 128}, 32, 32, 0);
    }

    /** Input features: the token's value and step, then {@code activities} {@link ephyzip.model.Activity} features. */
    public int features() {
        return CnnWeights.BASE_FEATURES + activities;
    }

    public int classes() {
        return 2 * band + 1;
    }

    public int receptiveField() {
        int r = 1;
        for (int d : dilations) {
            r += (KERNEL - 1) * d;
        }
        return r;
    }
}
