package ephyzip.io;

/**
 * Reads bits most significant first from a byte range. Past the end it yields zero bits for up
 * to {@link #SLACK_BYTES} bytes (the arithmetic decoder looks ahead of the last coded bit), then
 * reports the stream as truncated.
 */
public final class BitInputStream {
    static final int SLACK_BYTES = 8;

    private final byte[] data;
    private final int start;
    private final int end;
    private final long baseOffset;
    private int pos;
    private int current;
    private int left;

    /** {@code baseOffset} is the position of {@code data[start]} in the whole stream, for error messages. */
    public BitInputStream(byte[] data, int start, int end, long baseOffset) {
        this.data = data;
        this.start = start;
        this.end = end;
        this.baseOffset = baseOffset;
        this.pos = start;
    }

    public int readBit() throws CorruptStreamException {
        if (left == 0) {
            if (pos < end) {
                current = data[pos] & 0xFF;
            } else if (pos - end < SLACK_BYTES) {
                current = 0;
            } else {
                throw new CorruptStreamException("payload ends too early", offset());
            }
            pos++;
            left = 8;
        }
        left--;
        return (current >>> left) & 1;
    }

    /** The next {@code count} (0..31) bits as a number, first bit most significant; as many {@link #readBit}s. */
    public int readBits(int count) throws CorruptStreamException {
        int v = 0;
        while (count > 0) {
            if (left == 0) {
                readBit(); // loads the next byte (or fails) exactly as bit by bit would
                left++;
            }
            int n = Math.min(left, count);
            left -= n;
            count -= n;
            v = (v << n) | ((current >>> left) & ((1 << n) - 1));
        }
        return v;
    }

    /** Stream offset of the byte being read. */
    public long offset() {
        return baseOffset + Math.max(0, pos - start - 1);
    }

    /** True if more whole bytes were consumed than the payload holds. */
    public boolean overran() {
        return pos > end;
    }
}
