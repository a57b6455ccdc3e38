package ephyzip.residual;

/**
 * Bits the fast path sends as they are (the low bits of a residual, its sign), outside the
 * arithmetic coder: written into a plain bit string, read back many at a time.
 */
public abstract class RawBits {
    RawBits() {
    }

    /** Writes (encoder) or reads (decoder, which ignores {@code value}) {@code count} (0..24) bits. */
    public abstract int bits(int value, int count);

    /** A writer. */
    public static final class Writer extends RawBits {
        private byte[] out = new byte[1024];
        private int size;
        private long buf;
        private int filled;

        @Override
        public int bits(int value, int count) {
            buf = (buf << count) | (value & ((1L << count) - 1));
            filled += count;
            while (filled >= 8) {
                filled -= 8;
                if (size == out.length) {
                    out = java.util.Arrays.copyOf(out, size * 2);
                }
                out[size++] = (byte) (buf >>> filled);
            }
            return value;
        }

        public byte[] finish() {
            if (filled > 0) {
                bits(0, 8 - filled);
            }
            return java.util.Arrays.copyOf(out, size);
        }
    }

    /** A reader; past the end it reads zeros and counts how far. */
    public static final class Reader extends RawBits {
        private final byte[] in;
        private final int end;
        private int pos;
        private long buf;
        private int left;

        public Reader(byte[] in, int start, int end) {
            this.in = in;
            this.pos = start;
            this.end = end;
        }

        @Override
        public int bits(int value, int count) {
            if (left < count) {
                while (left <= 56) {
                    buf = (buf << 8) | (pos < end ? in[pos] & 0xFF : 0);
                    pos++;
                    left += 8;
                }
            }
            left -= count;
            return (int) (buf >>> left) & ((1 << count) - 1);
        }

        /** Whole bytes read past the end that held bits the decoder used. */
        public int overran() {
            return Math.max(0, pos - end - left / 8);
        }
    }

    /** Counts bits without writing them. */
    public static final class Count extends RawBits {
        private long total;

        @Override
        public int bits(int value, int count) {
            total += count;
            return value;
        }

        public long total() {
            return total;
        }
    }
}
