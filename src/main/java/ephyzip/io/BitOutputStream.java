package ephyzip.io;

import java.io.ByteArrayOutputStream;

/** Writes bits most significant first into a growing byte array. */
public final class BitOutputStream {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int filled;

    public void writeBit(int bit) {
        current = (current << 1) | (bit & 1);
        if (++filled == 8) {
            out.write(current);
            current = 0;
            filled = 0;
        }
    }

    /** Writes the low {@code count} bits of {@code value}, most significant first (count <= 32). */
    public void writeBits(int value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            writeBit(value >>> i);
        }
    }

    /** Pads the last byte with zero bits and returns everything written. */
    public byte[] finish() {
        while (filled != 0) {
            writeBit(0);
        }
        return out.toByteArray();
    }
}
