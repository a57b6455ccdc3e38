package ephyzip.predict;

import ephyzip.coding.Ranking;

/** What the rank coder reads of a prediction (between {@code predict} and {@code update}). */
public interface RankPredictor extends Predictor {
    /** The tokens in order of the prediction; valid until {@link #update}. */
    Ranking ranking();
}
