package ephyzip.predict;

/**
 * Predicts the next sample of one channel. The per-sample protocol, the same on both sides:
 * <ol>
 *   <li>{@link #predict()}: once per sample, before it is coded, whichever coder runs and
 *       whether or not it reads the prediction (the network must see every sample);</li>
 *   <li>the coder reads the prediction: {@link ArithPredictor#encode}/{@link ArithPredictor#decode},
 *       or {@link RankPredictor#ranking()};</li>
 *   <li>{@link #update(int, int)} with the symbol that occurred.</li>
 * </ol>
 * Symbols are the tokens {@code 0..alphabetSize()-1} and the escape, {@code alphabetSize()}.
 * Every prediction depends only on the symbols given to {@code update}, never on which coder ran,
 * so encoder and decoder driving identical instances stay identical.
 */
public interface Predictor {
    int alphabetSize();

    /** Forgets the recording so far. */
    void reset();

    /** Prepares the prediction of the next sample (step 1). */
    void predict();

    /**
     * Learns the sample just coded (step 3): {@code symbol} is its token or the escape; {@code token}
     * is the token it stands for as context (for an escape, the nearest token to its value).
     *
     * @throws IllegalStateException when {@link #predict()} was not called for this sample
     */
    void update(int symbol, int token);
}
