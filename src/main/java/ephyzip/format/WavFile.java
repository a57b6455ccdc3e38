package ephyzip.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A 16-bit PCM WAV file held in memory, split into three parts: the bytes before the samples
 * (RIFF header, fmt and any other chunks, the data chunk header), the samples (interleaved when
 * there are several channels), and the bytes after them (pad byte, trailing chunks).
 * {@link #toBytes()} reassembles the exact original bytes. Long recordings are read with
 * {@link RecordingReader} instead.
 */
public final class WavFile {
    /** Largest header or trailer we keep verbatim; real files have a few hundred bytes. */
    public static final int MAX_EXTRA_BYTES = 1 << 20;

    private final byte[] header;
    private final int channels;
    private final short[] samples;
    private final byte[] trailer;

    public WavFile(byte[] header, int channels, short[] samples, byte[] trailer) {
        if (channels < 1 || samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples for " + channels + " channels");
        }
        this.header = header.clone();
        this.channels = channels;
        this.samples = samples.clone();
        this.trailer = trailer.clone();
    }

    /** A canonical 44-byte-header mono file, as most recorders write it. */
    public static WavFile of(int sampleRate, short[] samples) {
        return of(sampleRate, 1, samples);
    }

    /** A canonical 44-byte-header file of interleaved samples. */
    public static WavFile of(int sampleRate, int channels, short[] interleaved) {
        return new WavFile(canonicalHeader(sampleRate, channels, interleaved.length * 2L), channels, interleaved,
                new byte[0]);
    }

    /** The 44-byte header of a canonical file with {@code dataBytes} bytes of samples. */
    public static byte[] canonicalHeader(int sampleRate, int channels, long dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * 2 * channels).putShort((short) (2 * channels))
                .putShort((short) 16);
        b.put(ascii("data")).putInt((int) dataBytes);
        return b.array();
    }

    /** Parses {@code bytes}; {@code name} is used in error messages. */
    public static WavFile parse(String name, byte[] bytes) throws WavFormatException {
        WavLayout layout = WavLayout.read(name, bytes, bytes.length);
        int dataStart = layout.dataOffset();
        int n = (int) (layout.dataLength() / 2);
        short[] samples = new short[n];
        ByteBuffer.wrap(bytes, dataStart, n * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        byte[] header = Arrays.copyOfRange(bytes, 0, dataStart);
        byte[] trailer = Arrays.copyOfRange(bytes, dataStart + n * 2, bytes.length);
        if (header.length > MAX_EXTRA_BYTES || trailer.length > MAX_EXTRA_BYTES) {
            throw new WavFormatException(name + ": more than " + MAX_EXTRA_BYTES
                    + " bytes of non-sample chunks; not supported");
        }
        return new WavFile(header, layout.channels(), samples, trailer);
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

    /** The sample rate the header's fmt chunk states (0 if it has none). */
    public int sampleRate() {
        return rateOf(header);
    }

    /** The sample rate the fmt chunk of a WAV {@code header} states (0 if it has none). */
    public static int rateOf(byte[] header) {
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 12; at + 8 <= header.length; ) {
            long size = b.getInt(at + 4) & 0xFFFFFFFFL;
            if (header[at] == 'f' && header[at + 1] == 'm' && header[at + 2] == 't' && header[at + 3] == ' ') {
                return at + 16 <= header.length ? Math.max(0, b.getInt(at + 12)) : 0; // 2^31 and up: not a rate
            }
            at += 8 + size + (size & 1);
        }
        return 0;
    }

    public int channels() {
        return channels;
    }

    /** The samples, interleaved; the caller must not modify the array. */
    public short[] samples() {
        return samples;
    }

    /** The samples of channel {@code c} alone. */
    public short[] channel(int c) {
        short[] out = new short[samplesPerChannel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[i * channels + c];
        }
        return out;
    }

    /** All samples of all channels. */
    public int sampleCount() {
        return samples.length;
    }

    /** Samples per channel. */
    public int samplesPerChannel() {
        return samples.length / channels;
    }

    /** Reads this file's samples as a stream. */
    public RecordingReader reader() {
        return RecordingReader.of(this);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
