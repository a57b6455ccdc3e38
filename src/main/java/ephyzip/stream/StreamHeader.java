package ephyzip.stream;

import ephyzip.coding.CoderKind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The header of an {@code .ezp} stream; see FORMAT.md for the byte layout. All integers are
 * unsigned 32-bit big-endian.
 */
public record StreamHeader(int version, CoderKind coder, String modelFingerprint, int sampleCount,
                           byte[] wavHeader, byte[] wavTrailer, int samplesCrc, int payloadLength) {
    public static final int VERSION = 1;
    static final byte[] MAGIC = {'E', 'Z', 'P', 0x1A};
    /** Limits checked before anything is allocated. */
    public static final int MAX_EXTRA_BYTES = 1 << 20;
    public static final int MAX_SAMPLES = 1 << 28;

    /** Bytes of the header before the payload. */
    public int length() {
        return 4 + 1 + 1 + 8 + 4 + 4 + wavHeader.length + 4 + wavTrailer.length + 4 + 4 + 4;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(version);
            out.writeByte(coder.id);
            out.write(HexFormat.of().parseHex(modelFingerprint));
            out.writeInt(sampleCount);
            out.writeInt(wavHeader.length);
            out.write(wavHeader);
            out.writeInt(wavTrailer.length);
            out.write(wavTrailer);
            out.writeInt(samplesCrc);
            out.writeInt(payloadLength);
            out.flush();
            out.writeInt(crc(bytes.toByteArray(), 0, bytes.size()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads and checks the header at the start of {@code stream}. */
    public static StreamHeader parse(byte[] stream) throws CorruptStreamException {
        ByteBuffer b = ByteBuffer.wrap(stream);
        need(b, 4 + 1);
        for (byte m : MAGIC) {
            if (b.get() != m) {
                throw new CorruptStreamException("not an ephyzip stream", 0);
            }
        }
        int version = b.get() & 0xFF;
        if (version != VERSION) {
            throw new CorruptStreamException("stream format version " + version
                    + " is not supported (this ephyzip reads version " + VERSION + ")", 4);
        }
        need(b, 1 + 8 + 4 + 4);
        int coderId = b.get() & 0xFF;
        byte[] fp = new byte[8];
        b.get(fp);
        long count = b.getInt() & 0xFFFFFFFFL;
        byte[] wavHeader = bytes(b, "WAV header");
        need(b, 4);
        byte[] wavTrailer = bytes(b, "WAV trailer");
        need(b, 12);
        int samplesCrc = b.getInt();
        long payloadLength = b.getInt() & 0xFFFFFFFFL;
        int end = b.position();
        int headerCrc = b.getInt();
        if (headerCrc != crc(stream, 0, end)) {
            throw new CorruptStreamException("header checksum mismatch: the stream header is damaged", end);
        }
        CoderKind coder = CoderKind.ofId(coderId);
        if (coder == null) {
            throw new CorruptStreamException("unknown coder id " + coderId, 5);
        }
        if (count > MAX_SAMPLES) {
            throw new CorruptStreamException("sample count " + count + " exceeds the limit " + MAX_SAMPLES, 14);
        }
        if (payloadLength != stream.length - b.position()) {
            throw new CorruptStreamException("payload should be " + payloadLength + " bytes but "
                    + (stream.length - b.position()) + " follow the header"
                    + (payloadLength > stream.length - b.position() ? " (truncated stream)" : ""), b.position());
        }
        return new StreamHeader(version, coder, HexFormat.of().formatHex(fp), (int) count, wavHeader, wavTrailer,
                samplesCrc, (int) payloadLength);
    }

    public static int crc(byte[] data, int off, int len) {
        CRC32 c = new CRC32();
        c.update(data, off, len);
        return (int) c.getValue();
    }

    private static byte[] bytes(ByteBuffer b, String what) throws CorruptStreamException {
        long len = b.getInt() & 0xFFFFFFFFL;
        if (len > MAX_EXTRA_BYTES) {
            throw new CorruptStreamException(what + " length " + len + " exceeds the limit " + MAX_EXTRA_BYTES,
                    b.position() - 4);
        }
        need(b, (int) len);
        byte[] out = new byte[(int) len];
        b.get(out);
        return out;
    }

    private static void need(ByteBuffer b, int n) throws CorruptStreamException {
        if (b.remaining() < n) {
            throw new CorruptStreamException("stream ends inside its header (truncated)", b.limit());
        }
    }
}
