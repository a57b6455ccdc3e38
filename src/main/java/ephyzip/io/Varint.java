package ephyzip.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Unsigned LEB128 integers: 7 bits a byte, low bits first, as model files and streams store
 * lengths and counts. The one place that reads and writes them.
 */
public final class Varint {
    private Varint() {
    }

    /** Bytes {@link #write} takes for {@code v >= 0}. */
    public static int size(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    public static void write(OutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** Reads one from a model file's data; a malformed one is an {@link IOException}. */
    public static long read(ByteReader in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint too long");
    }

    /** {@link #read(ByteReader)}, refused above {@code max}. */
    public static int readInt(ByteReader in, int max, String what) throws IOException {
        long v = read(in);
        if (v > max) {
            throw new IOException(what + " " + v + " exceeds " + max);
        }
        return (int) v;
    }

    /**
     * Reads one from a stream whose byte {@code offset} is next, taking {@link #size} of the value
     * bytes: at most {@code maxBytes}, and no longer than needed (so offsets stay exact).
     *
     * @throws CorruptStreamException when the stream ends first, or the number is not one
     */
    public static long read(InputStream in, int maxBytes, long offset, String what)
            throws IOException, CorruptStreamException {
        long v = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = in.read();
            if (b < 0) {
                throw new CorruptStreamException("stream ends early (truncated)", offset + i);
            }
            v |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    break; // a zero high byte: longer than needed
                }
                return v;
            }
        }
        throw new CorruptStreamException(what + " is not a valid number", offset);
    }
}
