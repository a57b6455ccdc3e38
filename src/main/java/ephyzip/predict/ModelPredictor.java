package ephyzip.predict;

/** A predictor that either coder can drive: what a {@link ephyzip.model.Model} gives each channel. */
public interface ModelPredictor extends ArithPredictor, RankPredictor {
}
