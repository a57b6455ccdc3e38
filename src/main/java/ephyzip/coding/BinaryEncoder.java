package ephyzip.coding;

import java.util.Arrays;

/**
 * Encoder of a carry-less binary arithmetic coder with 32-bit bounds (the scheme of lpaq): each
 * bit narrows {@code [x1, x2]} at {@code x1 + (x2 - x1) * p1 / 2^16}, where {@code p1} is the
 * probability of a one in 1/65536; whole bytes leave once {@code x1} and {@code x2} share their top
 * byte. Invariant: {@code 0 <= x1 <= x2 < 2^32} (held in longs), and after normalization their top
 * bytes differ, so every probability in {@code [1, 65535]} leaves both halves non-empty.
 */
public final class BinaryEncoder {
    private long x1;
    private long x2 = 0xFFFF_FFFFL;
    private byte[] out = new byte[1024];
    private int size;

    /** Codes {@code bit} (0 or 1) with the probability {@code p1} (1..65535, in 1/65536) that it is 1. */
    public void encode(int bit, int p1) {
        long mid = x1 + (((x2 - x1) * p1) >>> 16);
        if (bit != 0) {
            x2 = mid;
        } else {
            x1 = mid + 1;
        }
        while (((x1 ^ x2) & 0xFF00_0000L) == 0) {
            put((int) (x2 >>> 24));
            x1 = (x1 << 8) & 0xFFFF_FFFFL;
            x2 = ((x2 << 8) & 0xFFFF_FFFFL) | 0xFF;
        }
    }

    /** Codes the low {@code count} bits of {@code value}, most significant first, each at one half. */
    public void encodeRaw(int value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            encode((value >>> i) & 1, 32768);
        }
    }

    private void put(int b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = (byte) b;
    }

    /**
     * Ends the code with one byte: the top byte of {@code x2}, which with zeros after it lies in
     * {@code [x1, x2]} because the top bytes of the two differ.
     */
    public byte[] finish() {
        put((int) (x2 >>> 24));
        return Arrays.copyOf(out, size);
    }
}
