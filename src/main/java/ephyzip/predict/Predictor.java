package ephyzip.predict;

import ephyzip.coding.FrequencyTable;

/**
 * Predicts the next token of one recording. Encoder and decoder drive identical instances through
 * the same calls, so every prediction must depend only on the tokens given to {@link #update}.
 * Frequency tables have {@code alphabetSize() + 1} symbols: the last one is the escape.
 */
public interface Predictor {
    int alphabetSize();

    /** Forgets the recording so far. */
    void reset();

    /** The distribution of the next token. */
    FrequencyTable frequencies();

    /** The ranking of the next token. */
    Ranking ranking();

    /** Moves past a sample whose (nearest) token is {@code token}. */
    void update(int token);
}
