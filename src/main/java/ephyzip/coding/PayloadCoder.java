package ephyzip.coding;

import ephyzip.model.Alphabet;
import ephyzip.predict.Predictor;
import ephyzip.stream.CorruptStreamException;

/** Turns samples into payload bytes and back, driven by a predictor. */
public interface PayloadCoder {
    byte[] encode(Predictor predictor, Alphabet alphabet, short[] samples);

    /** {@code payloadOffset}: where the payload starts in the stream, for error messages. */
    short[] decode(Predictor predictor, Alphabet alphabet, byte[] payload, int count, long payloadOffset)
            throws CorruptStreamException;
}
