package ephyzip.coding;

/**
 * Decoder of {@link BinaryEncoder}'s code. Bytes past the end read as zeros, so a damaged payload
 * decodes to wrong bits (caught by the stream's checks) rather than failing here; {@link #overran}
 * tells how far it read past the end.
 */
public final class BinaryDecoder {
    private final byte[] in;
    private final int end;
    private int pos;
    private long x1;
    private long x2 = 0xFFFF_FFFFL;
    private long x;

    public BinaryDecoder(byte[] in, int start, int end) {
        this.in = in;
        this.end = end;
        this.pos = start;
        for (int i = 0; i < 4; i++) {
            x = (x << 8) | next();
        }
    }

    private int next() {
        if (pos < end) {
            return in[pos++] & 0xFF;
        }
        pos++;
        return 0;
    }

    /** The bit coded with probability {@code p1} of a one, as in {@link BinaryEncoder#encode}. */
    public int decode(int p1) {
        long mid = x1 + (((x2 - x1) * p1) >>> 16);
        int bit;
        if (x <= mid) {
            bit = 1;
            x2 = mid;
        } else {
            bit = 0;
            x1 = mid + 1;
        }
        while (((x1 ^ x2) & 0xFF00_0000L) == 0) {
            x1 = (x1 << 8) & 0xFFFF_FFFFL;
            x2 = ((x2 << 8) & 0xFFFF_FFFFL) | 0xFF;
            x = ((x << 8) & 0xFFFF_FFFFL) | next();
        }
        return bit;
    }

    public int decodeRaw(int count) {
        int v = 0;
        for (int i = 0; i < count; i++) {
            v = (v << 1) | decode(32768);
        }
        return v;
    }

    /** Bytes read past the end of the payload (the first 4 after a flush are expected). */
    public int overran() {
        return Math.max(0, pos - end);
    }
}
