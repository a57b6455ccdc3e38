package ephyzip.io;

import java.util.Arrays;

/** Writes bits most significant first into a growing byte array. */
public final class BitOutputStream {
    private byte[] bytes = new byte[256];
    private int size;
    private int current;
    private int filled;

    public void writeBit(int bit) {
        current = (current << 1) | (bit & 1);
        if (++filled == 8) {
            put(current);
        }
    }

    /** Writes the low {@code count} bits of {@code value}, most significant first (count <= 32). */
    public void writeBits(int value, int count) {
        while (count > 0) {
            int n = Math.min(8 - filled, count);
            count -= n;
            current = (current << n) | ((value >>> count) & ((1 << n) - 1));
            filled += n;
            if (filled == 8) {
                put(current);
            }
        }
    }

    private void put(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = (byte) b;
        current = 0;
        filled = 0;
    }

    /** Pads the last byte with zero bits and returns everything written. */
    public byte[] finish() {
        while (filled != 0) {
            writeBit(0);
        }
        return Arrays.copyOf(bytes, size);
    }
}
