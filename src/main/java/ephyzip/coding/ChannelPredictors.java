package ephyzip.coding;

import ephyzip.predict.Predictor;
import java.util.function.IntFunction;

/**
 * One predictor per channel, each fed only its own channel's samples, kept across frames.
 * Created when a channel is first coded, so a stream that declares many channels but is damaged
 * costs no more than the channels actually reached.
 */
public final class ChannelPredictors {
    private final Predictor[] predictors;
    private final IntFunction<Predictor> factory;

    public ChannelPredictors(int channels, IntFunction<Predictor> factory) {
        this.predictors = new Predictor[channels];
        this.factory = factory;
    }

    public int channels() {
        return predictors.length;
    }

    public Predictor get(int channel) {
        Predictor p = predictors[channel];
        if (p == null) {
            p = factory.apply(channel);
            p.reset();
            predictors[channel] = p;
        }
        return p;
    }
}
