package ephyzip.coding;

import ephyzip.io.BitInputStream;
import ephyzip.io.CorruptStreamException;

/** Decoding half of the coder in {@link ArithmeticEncoder}. */
public final class ArithmeticDecoder extends ArithmeticCoder {
    private final BitInputStream in;
    private long code;

    public ArithmeticDecoder(BitInputStream in) throws CorruptStreamException {
        this.in = in;
        for (int i = 0; i < STATE_BITS; i++) {
            code = (code << 1) | in.readBit();
        }
    }

    public int read(FrequencyTable freqs) throws CorruptStreamException {
        long total = freqs.total();
        long range = high - low + 1;
        long offset = code - low;
        long value = ((offset + 1) * total - 1) / range;
        if (value < 0 || value >= total) {
            throw new CorruptStreamException("arithmetic code out of range", in.offset());
        }
        int symbol = freqs.symbolAt((int) value);
        try {
            narrow(freqs, symbol);
        } catch (BitReadFailure e) {
            throw e.cause;
        }
        return symbol;
    }

    @Override
    void shift(long bits, int k) {
        try {
            long next = k > 16 ? (long) in.readBits(k - 16) << 16 | in.readBits(16) : in.readBits(k);
            code = ((code << k) & MASK) | next;
        } catch (CorruptStreamException e) {
            throw new BitReadFailure(e);
        }
    }

    @Override
    void underflow() {
        code = (code & HALF) | ((code << 1) & (MASK >>> 1)) | bit();
    }

    private int bit() {
        try {
            return in.readBit();
        } catch (CorruptStreamException e) {
            throw new BitReadFailure(e);
        }
    }

    /** Carries a checked read failure out of the shared narrowing loop. */
    private static final class BitReadFailure extends RuntimeException {
        final CorruptStreamException cause;

        BitReadFailure(CorruptStreamException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
