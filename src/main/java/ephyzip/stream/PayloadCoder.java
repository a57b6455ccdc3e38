package ephyzip.stream;

import ephyzip.io.CorruptStreamException;
import ephyzip.model.Alphabet;

/**
 * Turns one frame of samples into payload bytes and back, driven by the channels' predictors.
 * A frame holds {@code n} samples of every channel; they are coded channel after channel, each
 * with its own predictor, and the coder is flushed at the end of the frame so that the frame
 * decodes on its own (given the predictors' state after the frames before it).
 */
public interface PayloadCoder {
    /** {@code samples[c][i]}: sample {@code i} of channel {@code c}, for {@code i < n}. */
    byte[] encodeFrame(ChannelPredictors predictors, Alphabet alphabet, short[][] samples, int n);

    /**
     * Fills {@code out[c][0..n)} from {@code payload}; {@code payloadOffset}: where the payload
     * starts in the stream, for error messages.
     */
    void decodeFrame(ChannelPredictors predictors, Alphabet alphabet, byte[] payload, long payloadOffset,
                     short[][] out, int n) throws CorruptStreamException;
}
