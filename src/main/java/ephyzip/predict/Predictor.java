package ephyzip.predict;

import ephyzip.coding.ArithmeticDecoder;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.stream.CorruptStreamException;

/**
 * Predicts the next token of one recording. Encoder and decoder drive identical instances through
 * the same calls, so every prediction must depend only on the tokens given to {@link #update}.
 * Symbols are the tokens {@code 0..alphabetSize()-1} and the escape, {@code alphabetSize()}.
 */
public interface Predictor {
    int alphabetSize();

    /** Forgets the recording so far. */
    void reset();

    /** The ranking of the next token. */
    Ranking ranking();

    /** Moves past a sample whose (nearest) token is {@code token}. */
    void update(int token);

    /**
     * Arithmetic-codes the next symbol (a token, or {@code alphabetSize()} for the escape). A
     * predictor may factor its distribution into several coded symbols.
     */
    void encode(ArithmeticEncoder enc, int symbol);

    /** Reads what {@link #encode} wrote. */
    int decode(ArithmeticDecoder dec) throws CorruptStreamException;

    /** The probability with which {@link #encode} codes {@code symbol}, for measurements. */
    double probability(int symbol);
}
