package ephyzip.stream;

import ephyzip.predict.ModelPredictor;
import java.util.function.IntFunction;

/**
 * One predictor per channel, each fed only its own channel's samples, kept across frames.
 * Created when a channel is first coded, so a stream that declares many channels but is damaged
 * costs no more than the channels actually reached.
 */
public final class ChannelPredictors {
    private final ModelPredictor[] predictors;
    private final IntFunction<ModelPredictor> factory;

    public ChannelPredictors(int channels, IntFunction<ModelPredictor> factory) {
        this.predictors = new ModelPredictor[channels];
        this.factory = factory;
    }

    public int channels() {
        return predictors.length;
    }

    public ModelPredictor get(int channel) {
        ModelPredictor p = predictors[channel];
        if (p == null) {
            p = factory.apply(channel);
            p.reset();
            predictors[channel] = p;
        }
        return p;
    }
}
