package ephyzip.stream;

import ephyzip.coding.BinaryDecoder;
import ephyzip.coding.BinaryEncoder;
import ephyzip.io.CorruptStreamException;
import ephyzip.io.Varint;
import ephyzip.model.Alphabet;
import ephyzip.residual.BinaryBits;
import ephyzip.residual.FastChannel;
import ephyzip.residual.RawBits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fast residual path (coder 4, levels 1 to 3): each channel's samples predicted by its
 * {@link FastChannel}, channel after channel. A frame's (or segment's) payload is the length of
 * its arithmetic code (varint), that code (the decisions), then the plain bits (signs and low
 * bits), so the decoder reads plain bits many at a time instead of one decision each.
 */
final class FastPayloadCoder implements PayloadCoder {
    /** Bytes the arithmetic decoder may read past its part before calling it damaged (its 4-byte window). */
    private static final int SLACK = 4;
    private final int variant;

    FastPayloadCoder(int variant) {
        this.variant = variant;
    }

    @Override
    public byte[] encodeFrame(ChannelPredictors predictors, Alphabet alphabet, short[][] samples, int n) {
        BinaryEncoder enc = new BinaryEncoder();
        BinaryBits io = BinaryBits.of(enc);
        RawBits.Writer raw = new RawBits.Writer();
        for (int c = 0; c < predictors.channels(); c++) {
            FastChannel ch = predictors.fast(c, variant);
            short[] x = samples[c];
            for (int i = 0; i < n; i++) {
                ch.encode(io, raw, x[i]);
            }
        }
        byte[] code = enc.finish();
        byte[] plain = raw.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(code.length + plain.length + 5);
        try {
            Varint.write(out, code.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        out.writeBytes(code);
        out.writeBytes(plain);
        return out.toByteArray();
    }

    @Override
    public void decodeFrame(ChannelPredictors predictors, Alphabet alphabet, byte[] payload, long payloadOffset,
                            short[][] out, int n) throws CorruptStreamException {
        ByteArrayInputStream in = new ByteArrayInputStream(payload);
        long length;
        try {
            length = Varint.read(in, 5, payloadOffset, "fast-path code length");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        int at = payload.length - in.available();
        int codeLength = (int) Math.min(Integer.MAX_VALUE, length);
        if (codeLength < 0 || codeLength > payload.length - at) {
            throw new CorruptStreamException("fast-path code of " + codeLength + " bytes in a payload of "
                    + payload.length, payloadOffset);
        }
        int codeEnd = at + codeLength;
        BinaryDecoder dec = new BinaryDecoder(payload, at, codeEnd);
        BinaryBits io = BinaryBits.of(dec);
        RawBits.Reader raw = new RawBits.Reader(payload, codeEnd, payload.length);
        for (int c = 0; c < out.length; c++) {
            FastChannel ch = predictors.fast(c, variant);
            short[] x = out[c];
            for (int i = 0; i < n; i++) {
                x[i] = (short) ch.decode(io, raw);
            }
            if (dec.overran() > SLACK || raw.overran() > 0) {
                throw new CorruptStreamException("fast-path payload ends before channel " + c + " of its frame is whole",
                        payloadOffset + payload.length);
            }
        }
    }

    /**
     * What {@code samples} ({@code n} of each channel) code to on the fast path at
     * {@code variant}, in bytes: the encoder's trial, run as the coder runs but counting.
     */
    static long bytes(short[][] samples, int n, int variant) {
        BinaryBits.Cost cost = new BinaryBits.Cost();
        RawBits.Count raw = new RawBits.Count();
        for (short[] x : samples) {
            FastChannel ch = new FastChannel(variant);
            for (int i = 0; i < n; i++) {
                ch.encode(cost, raw, x[i]);
            }
        }
        return (cost.total() + 2047) / 2048 + (raw.total() + 7) / 8;
    }
}
