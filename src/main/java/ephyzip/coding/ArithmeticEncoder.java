package ephyzip.coding;

import ephyzip.io.BitOutputStream;

/** Encoding half of a 32-bit binary arithmetic coder (low/high with pending underflow bits). */
public final class ArithmeticEncoder extends ArithmeticCoder {
    private final BitOutputStream out;
    private int pendingUnderflow;

    public ArithmeticEncoder(BitOutputStream out) {
        this.out = out;
    }

    public void write(FrequencyTable freqs, int symbol) {
        narrow(freqs, symbol);
    }

    /** Writes the bits that make the last interval unambiguous. */
    public void finish() {
        out.writeBit(1);
    }

    @Override
    void shift(long bits, int k) {
        int bit = (int) (bits >>> (k - 1)) & 1;
        out.writeBit(bit);
        for (; pendingUnderflow > 0; pendingUnderflow--) { // the first bit settles the pending ones
            out.writeBit(bit ^ 1);
        }
        out.writeBits((int) bits, k - 1);
    }

    @Override
    void underflow() {
        pendingUnderflow++;
    }
}
