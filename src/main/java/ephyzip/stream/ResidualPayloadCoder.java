package ephyzip.stream;

import ephyzip.coding.BinaryDecoder;
import ephyzip.coding.BinaryEncoder;
import ephyzip.io.CorruptStreamException;
import ephyzip.model.Alphabet;
import ephyzip.residual.ResidualChannel;

/**
 * The residual path (coder 3): each channel's samples predicted by its {@link ResidualChannel}
 * and the residuals coded by one binary arithmetic coder per frame (or segment), channel after
 * channel. Works on any values: no alphabet, no escapes.
 */
final class ResidualPayloadCoder implements PayloadCoder {
    /** Bytes the decoder may read past a payload's end before calling it damaged (the coder's 4-byte window). */
    private static final int SLACK = 4;
    private final byte[] presets;

    /** {@code presets[c]}: the predictor preset of stream channel {@code c} (its {@link ResidualRecord}). */
    ResidualPayloadCoder(byte[] presets) {
        this.presets = presets;
    }

    @Override
    public byte[] encodeFrame(ChannelPredictors predictors, Alphabet alphabet, short[][] samples, int n) {
        BinaryEncoder enc = new BinaryEncoder();
        for (int c = 0; c < predictors.channels(); c++) {
            channel(predictors, c).encode(enc, samples[c], n);
        }
        return enc.finish();
    }

    @Override
    public void decodeFrame(ChannelPredictors predictors, Alphabet alphabet, byte[] payload, long payloadOffset,
                            short[][] out, int n) throws CorruptStreamException {
        BinaryDecoder dec = new BinaryDecoder(payload, 0, payload.length);
        for (int c = 0; c < predictors.channels(); c++) {
            channel(predictors, c).decode(dec, out[c], n);
            if (dec.overran() > SLACK) {
                throw new CorruptStreamException("residual payload ends before channel " + c + " of its frame",
                        payloadOffset + payload.length);
            }
        }
    }

    private ResidualChannel channel(ChannelPredictors predictors, int c) {
        return predictors.residual(c, presets[predictors.streamChannel(c)]);
    }
}
