package ephyzip.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@link ByteReader} reads what {@code DataOutputStream} and {@link Varint} write, and refuses to read past the end. */
class ByteReaderTest {
    @Test
    void readsWhatDataOutputWrites() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("cnn é");
        out.writeShort(-12345);
        out.writeDouble(0.125e-3);
        out.writeBoolean(true);
        out.writeByte(200);
        long[] values = {0, 1, 127, 128, 300, 1L << 35, Long.MAX_VALUE};
        for (long v : values) {
            Varint.write(out, v);
        }
        out.write(new byte[] {9, 8, 7});
        ByteReader in = new ByteReader(bytes.toByteArray());
        assertEquals("cnn é", in.readUtf());
        assertEquals(-12345, in.readShort());
        assertEquals(0.125e-3, in.readDouble());
        assertEquals(true, in.readBoolean());
        assertEquals(200, in.readUnsignedByte());
        for (long v : values) {
            assertEquals(v, Varint.read(in));
        }
        assertArrayEquals(new byte[] {9, 8}, in.readBytes(2));
        assertEquals(1, in.remaining());
        assertThrows(EOFException.class, () -> in.readBytes(2));
        assertEquals(7, in.readUnsignedByte());
        assertThrows(EOFException.class, in::readUnsignedByte);
    }

    @Test
    void varintLimitsAreChecked() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Varint.write(bytes, 1000);
        IOException e = assertThrows(IOException.class, () -> Varint.readInt(new ByteReader(bytes.toByteArray()), 999, "gap"));
        assertEquals("gap 1000 exceeds 999", e.getMessage());
        byte[] endless = new byte[11];
        java.util.Arrays.fill(endless, (byte) 0x80);
        assertThrows(IOException.class, () -> Varint.read(new ByteReader(endless)));
        assertThrows(EOFException.class, () -> Varint.read(new ByteReader(new byte[] {(byte) 0x80})));
    }
}
