package ephyzip.model;

import java.util.List;

/**
 * The exported network: dilated causal convolutions, a 1x1 hidden layer and the output layer,
 * all in integers. {@code band} gives the classes: steps -band..band-1 to the next token, then
 * one class for anything else.
 */
public record CnnWeights(List<QuantLayer> layers, int band) {
    /** Fractional bits of activations (and of the input features). */
    public static final int ACT_BITS = 8;
    /** Activations are clamped to this, keeping every dot product inside an int. */
    public static final int MAX_ACT = 8191;
    /** Input feature 1, the step from the previous token, is clamped to +-this many tokens. */
    public static final int MAX_STEP = 64;
    /** Input feature 1 is step / STEP_SCALE. */
    public static final int STEP_SCALE = 16;
    /** Input feature 0 is (token - center) / VALUE_SCALE. */
    public static final int VALUE_SCALE = 256;

    public CnnWeights {
        layers = List.copyOf(layers);
        if (layers.size() < 2 || band < 1 || band > 256) {
            throw new IllegalArgumentException("bad network shape");
        }
        int width = layers.get(0).in();
        if (width < BASE_FEATURES || width > BASE_FEATURES + Activity.MAX) {
            throw new IllegalArgumentException("network reads " + width + " features, not 2.." + (BASE_FEATURES + Activity.MAX));
        }
        for (QuantLayer l : layers) {
            if (l.in() != width) {
                throw new IllegalArgumentException("layer input " + l.in() + " does not match " + width);
            }
            width = l.out();
        }
        if (width != 2 * band + 1) { // fields are not yet assigned here: no classes()
            throw new IllegalArgumentException("output layer has " + width + " classes, band needs " + (2 * band + 1));
        }
    }

    /** Features every network reads: the token's value and its step; {@link Activity} features follow. */
    public static final int BASE_FEATURES = 2;

    /** The features the network reads: 2, plus this many {@link Activity} features. */
    public int features() {
        return layers.get(0).in();
    }

    /**
     * Fills the network's input for the newest token {@code token}: value, step from
     * {@code prevToken}, then the first {@code features() - 2} features of {@code activity}.
     */
    public void features(int token, int prevToken, int size, Activity activity, int[] out) {
        out[0] = valueFeature(token, size);
        out[1] = stepFeature(token, prevToken);
        for (int i = BASE_FEATURES; i < out.length; i++) {
            out[i] = activity.feature(i - BASE_FEATURES);
        }
    }

    public int classes() {
        return 2 * band + 1;
    }

    public int parameterCount() {
        return layers.stream().mapToInt(l -> l.weights().length + l.bias().length).sum();
    }

    /** Feature 0 in fixed point, for a token of an alphabet of {@code size} tokens. */
    public static int valueFeature(int token, int size) {
        return (token - size / 2) * (1 << ACT_BITS) / VALUE_SCALE;
    }

    /** Feature 1 in fixed point. */
    public static int stepFeature(int token, int prevToken) {
        int step = Math.max(-MAX_STEP, Math.min(MAX_STEP, token - prevToken));
        return step * (1 << ACT_BITS) / STEP_SCALE;
    }

    /** The class of the step from {@code prevToken} to {@code token}. */
    public int classOf(int token, int prevToken) {
        int d = token - prevToken;
        return d >= -band && d < band ? d + band : 2 * band;
    }
}
