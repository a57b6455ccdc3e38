package ephyzip.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A 16-bit PCM mono WAV file split into three parts: the bytes before the samples (RIFF header,
 * fmt and any other chunks, the data chunk header), the samples, and the bytes after them
 * (pad byte, trailing chunks). {@link #toBytes()} reassembles the exact original bytes.
 */
public final class WavFile {
    /** Largest header or trailer we keep verbatim; real files have a few hundred bytes. */
    public static final int MAX_EXTRA_BYTES = 1 << 20;

    private final byte[] header;
    private final short[] samples;
    private final byte[] trailer;

    public WavFile(byte[] header, short[] samples, byte[] trailer) {
        this.header = header.clone();
        this.samples = samples.clone();
        this.trailer = trailer.clone();
    }

    /** A canonical 44-byte-header file, as most recorders write it. */
    public static WavFile of(int sampleRate, short[] samples) {
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.put(ascii("data")).putInt(dataBytes);
        return new WavFile(b.array(), samples, new byte[0]);
    }

    /** Parses {@code bytes}; {@code name} is used in error messages. */
    public static WavFile parse(String name, byte[] bytes) throws WavFormatException {
        WavLayout layout = WavLayout.read(name, bytes);
        int dataStart = layout.dataOffset();
        int n = layout.dataLength() / 2;
        short[] samples = new short[n];
        ByteBuffer.wrap(bytes, dataStart, n * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        byte[] header = Arrays.copyOfRange(bytes, 0, dataStart);
        byte[] trailer = Arrays.copyOfRange(bytes, dataStart + n * 2, bytes.length);
        if (header.length > MAX_EXTRA_BYTES || trailer.length > MAX_EXTRA_BYTES) {
            throw new WavFormatException(name + ": more than " + MAX_EXTRA_BYTES
                    + " bytes of non-sample chunks; not supported");
        }
        return new WavFile(header, samples, trailer);
    }

    public byte[] toBytes() {
        byte[] out = new byte[header.length + samples.length * 2 + trailer.length];
        System.arraycopy(header, 0, out, 0, header.length);
        ByteBuffer.wrap(out, header.length, samples.length * 2).order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer().put(samples);
        System.arraycopy(trailer, 0, out, out.length - trailer.length, trailer.length);
        return out;
    }

    public byte[] header() {
        return header.clone();
    }

    public byte[] trailer() {
        return trailer.clone();
    }

    /** The samples; the caller must not modify the array. */
    public short[] samples() {
        return samples;
    }

    public int sampleCount() {
        return samples.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
