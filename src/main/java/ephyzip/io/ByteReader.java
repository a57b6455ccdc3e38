package ephyzip.io;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a byte array front to back: a model file's body, once it is decompressed whole. Plain
 * array reads, where a {@code DataInputStream} over a buffer and the XZ stream takes several
 * calls and a lock a byte: a long job starts with every method interpreted (its second compiler
 * alone compiles nothing at first), and the default model's 39 KB body, decompressed and read
 * that way, took 94 ms of a 64-channel decode's start; decompressed whole and read from here,
 * 65 to 78 ms (2026-11-30, one core).
 */
public final class ByteReader {
    private final byte[] b;
    private int pos;

    public ByteReader(byte[] b) {
        this.b = b;
    }

    /** Bytes not read yet. */
    public int remaining() {
        return b.length - pos;
    }

    public int readUnsignedByte() throws EOFException {
        if (pos >= b.length) {
            throw new EOFException("the data ends early");
        }
        return b[pos++] & 0xFF;
    }

    /** A big-endian 16-bit value, as {@code DataOutput.writeShort} writes it. */
    public short readShort() throws EOFException {
        int hi = readUnsignedByte();
        return (short) (hi << 8 | readUnsignedByte());
    }

    /** A big-endian IEEE double, as {@code DataOutput.writeDouble} writes it. */
    public double readDouble() throws EOFException {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | readUnsignedByte();
        }
        return Double.longBitsToDouble(v);
    }

    public boolean readBoolean() throws EOFException {
        return readUnsignedByte() != 0;
    }

    /** The next {@code n} bytes. */
    public byte[] readBytes(int n) throws EOFException {
        if (n < 0 || n > remaining()) {
            throw new EOFException("the data ends early");
        }
        byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return out;
    }

    /**
     * A string as {@code DataOutput.writeUTF} writes it: a 16-bit length, then modified UTF-8,
     * read as UTF-8 (the same for text without NUL or characters beyond the BMP).
     */
    public String readUtf() throws EOFException {
        int n = readShort() & 0xFFFF;
        return new String(readBytes(n), StandardCharsets.UTF_8);
    }
}
