package ephyzip.stream;

import ephyzip.io.CorruptStreamException;
import ephyzip.model.Alphabet;

/**
 * Samples as they are, 16-bit big-endian, channel after channel: for recordings that no
 * prediction compresses (full-range noise), where any coder would only add to them.
 */
final class StoredPayloadCoder implements PayloadCoder {
    @Override
    public byte[] encodeFrame(ChannelPredictors predictors, Alphabet alphabet, short[][] samples, int n) {
        byte[] out = new byte[2 * n * samples.length];
        int k = 0;
        for (short[] channel : samples) {
            for (int i = 0; i < n; i++) {
                out[k++] = (byte) (channel[i] >> 8);
                out[k++] = (byte) channel[i];
            }
        }
        return out;
    }

    @Override
    public void decodeFrame(ChannelPredictors predictors, Alphabet alphabet, byte[] payload, long payloadOffset,
                            short[][] out, int n) throws CorruptStreamException {
        if (payload.length != 2 * n * out.length) {
            throw new CorruptStreamException("stored frame of " + payload.length + " bytes for " + n * out.length
                    + " samples", payloadOffset);
        }
        int k = 0;
        for (short[] channel : out) {
            for (int i = 0; i < n; i++) {
                channel[i] = (short) ((payload[k] << 8) | (payload[k + 1] & 0xFF));
                k += 2;
            }
        }
    }
}
