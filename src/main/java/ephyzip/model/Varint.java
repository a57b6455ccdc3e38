package ephyzip.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Unsigned LEB128 integers: 7 bits a byte, low bits first. */
final class Varint {
    private Varint() {
    }

    static void write(DataOutput out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    static long read(DataInput in) throws IOException {
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

    static int readInt(DataInput in, int max, String what) throws IOException {
        long v = read(in);
        if (v > max) {
            throw new IOException(what + " " + v + " exceeds " + max);
        }
        return (int) v;
    }
}
