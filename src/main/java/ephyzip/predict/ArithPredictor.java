package ephyzip.predict;

import ephyzip.coding.ArithmeticDecoder;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.io.CorruptStreamException;

/** What the arithmetic coder reads of a prediction (between {@code predict} and {@code update}). */
public interface ArithPredictor extends Predictor {
    /** Codes {@code symbol}; a predictor may factor its distribution into several coded symbols. */
    void encode(ArithmeticEncoder enc, int symbol);

    /** Reads what {@link #encode} wrote. */
    int decode(ArithmeticDecoder dec) throws CorruptStreamException;

    /** The probability with which {@link #encode} would code {@code symbol}; changes nothing. */
    double probability(int symbol);
}
