package ephyzip.stream;

import ephyzip.predict.ModelPredictor;
import ephyzip.residual.FastChannel;
import ephyzip.residual.ResidualChannel;
import java.util.function.IntFunction;

/**
 * One predictor per channel, each fed only its own channel's samples, kept across frames.
 * Created when a channel is first coded, so a stream that declares many channels but is damaged
 * costs no more than the channels actually reached.
 */
public final class ChannelPredictors {
    private final ModelPredictor[] predictors;
    private final ResidualChannel[] residuals;
    private final FastChannel[] fast;
    private final IntFunction<ModelPredictor> factory;
    private final int first;
    private final int count;
    /** Stream channels a reader wants, or null for all: segments without one are not decoded. */
    private boolean[] wanted;

    public ChannelPredictors(int channels, IntFunction<ModelPredictor> factory) {
        this(new ModelPredictor[channels], new ResidualChannel[channels], new FastChannel[channels], factory, 0,
                channels);
    }

    private ChannelPredictors(ModelPredictor[] predictors, ResidualChannel[] residuals, FastChannel[] fast,
                              IntFunction<ModelPredictor> factory, int first, int count) {
        this.predictors = predictors;
        this.residuals = residuals;
        this.fast = fast;
        this.factory = factory;
        this.first = first;
        this.count = count;
    }

    /**
     * The residual path's state of {@code channel}, made with {@code preset} and {@code cross}
     * inputs from other channels when first asked for.
     */
    ResidualChannel residual(int channel, int preset, int cross, int period) {
        int c = first + channel;
        ResidualChannel r = residuals[c];
        if (r == null) {
            r = new ResidualChannel(preset, cross, period);
            residuals[c] = r;
        }
        return r;
    }

    /** The fast path's state of {@code channel}, made with {@code variant} when first asked for. */
    FastChannel fast(int channel, int variant) {
        int c = first + channel;
        FastChannel f = fast[c];
        if (f == null) {
            f = new FastChannel(variant);
            fast[c] = f;
        }
        return f;
    }

    /**
     * Forgets every channel's state (all of them, whatever view this is): at a restart point each
     * channel starts again as at the stream's start.
     */
    void restart() {
        java.util.Arrays.fill(predictors, null);
        java.util.Arrays.fill(residuals, null);
        java.util.Arrays.fill(fast, null);
    }

    /** Decode only segments that hold one of these stream channels (null: all). Only on the whole, not a view. */
    void want(boolean[] channels) {
        wanted = channels;
    }

    /** Whether a reader wants any of channels {@code from..to-1} of this view. */
    boolean wantsAny(int from, int to) {
        if (wanted == null) {
            return true;
        }
        for (int c = first + from; c < first + to; c++) {
            if (wanted[c]) {
                return true;
            }
        }
        return false;
    }

    /** The channel's number in the stream (this view may be one coder segment's). */
    int streamChannel(int channel) {
        return first + channel;
    }

    public int channels() {
        return count;
    }

    /**
     * Channels {@code from..to-1} of these as channels {@code 0..}: the same predictors, for one
     * coder segment. Segments touch disjoint channels, so they may run on different threads.
     */
    ChannelPredictors range(int from, int to) {
        return new ChannelPredictors(predictors, residuals, fast, factory, first + from, to - from);
    }

    public ModelPredictor get(int channel) {
        int c = first + channel;
        ModelPredictor p = predictors[c];
        if (p == null) {
            p = factory.apply(c);
            p.reset();
            predictors[c] = p;
        }
        return p;
    }
}
