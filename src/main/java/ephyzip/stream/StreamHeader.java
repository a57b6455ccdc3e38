package ephyzip.stream;

import ephyzip.io.CorruptStreamException;
import ephyzip.wav.WavFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The header of an {@code .ezp} stream; see FORMAT.md for the byte layout. Integers are
 * big-endian. Every declared size is checked against the limits below before anything is
 * allocated from it.
 *
 * @param samplesPerChannel samples of each channel (WAV sample frames)
 * @param frameLength       samples of each channel per stream frame (the last frame may hold fewer)
 * @param wavHeader         the WAV file's bytes before its samples, verbatim
 */
public record StreamHeader(int version, CoderKind coder, String modelFingerprint, int channels, int frameLength,
                           long samplesPerChannel, byte[] wavHeader) {
    public static final int VERSION = 2;
    static final byte[] MAGIC = {'E', 'Z', 'P', 0x1A};
    public static final int MAX_CHANNELS = 4096;
    /** Most samples (all channels) in one frame: bounds the memory of encoder and decoder. */
    public static final int MAX_FRAME_SAMPLES = 1 << 22;
    /** A WAV data chunk holds at most 2^32 - 1 bytes. */
    public static final long MAX_DATA_BYTES = 0xFFFFFFFFL;
    /** Bytes before the WAV header. */
    static final int FIXED_BYTES = 4 + 1 + 1 + 8 + 2 + 4 + 4 + 4;

    public StreamHeader {
        String problem = problem(channels, frameLength, samplesPerChannel, wavHeader.length);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these sizes cannot make a stream, or null. */
    public static String problem(int channels, int frameLength, long samplesPerChannel, int wavHeaderBytes) {
        if (channels < 1 || channels > MAX_CHANNELS) {
            return channels + " channels (at most " + MAX_CHANNELS + " are supported)";
        }
        if (frameLength < 1 || (long) frameLength * channels > MAX_FRAME_SAMPLES) {
            return "frame length " + frameLength + " for " + channels + " channels (a frame holds 1 to "
                    + MAX_FRAME_SAMPLES + " samples of all channels together)";
        }
        if (samplesPerChannel < 0 || samplesPerChannel * 2 * channels > MAX_DATA_BYTES) {
            return samplesPerChannel + " samples per channel exceed what a WAV file can hold";
        }
        if (wavHeaderBytes > WavFile.MAX_EXTRA_BYTES) {
            return "WAV header of " + wavHeaderBytes + " bytes exceeds the limit " + WavFile.MAX_EXTRA_BYTES;
        }
        return null;
    }

    /** Bytes of the header in the stream. */
    public int length() {
        return FIXED_BYTES + wavHeader.length + 4;
    }

    /** Frames in the stream. */
    public long frameCount() {
        return (samplesPerChannel + frameLength - 1) / frameLength;
    }

    /** Samples per channel in frame {@code f}. */
    public int frameSamples(long f) {
        return (int) Math.min(frameLength, samplesPerChannel - f * frameLength);
    }

    /**
     * Whether a checkpoint (CRC-32 of all samples so far) follows frame {@code f}: after the
     * last frame, and after every frame that reaches a multiple of {@link Checkpoints#INTERVAL}
     * samples per channel.
     */
    public boolean checkpointAfter(long f) {
        long start = f * frameLength;
        long end = start + frameSamples(f);
        return f == frameCount() - 1 || end / Checkpoints.INTERVAL > start / Checkpoints.INTERVAL;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(version);
            out.writeByte(coder.id);
            out.write(HexFormat.of().parseHex(modelFingerprint));
            out.writeShort(channels);
            out.writeInt(frameLength);
            out.writeInt((int) samplesPerChannel);
            out.writeInt(wavHeader.length);
            out.write(wavHeader);
            out.flush();
            out.writeInt(crc(bytes.toByteArray(), 0, bytes.size()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads and checks the header at the start of {@code in}, reading nothing beyond it. */
    public static StreamHeader read(InputStream in) throws CorruptStreamException, IOException {
        byte[] fixed = readBytes(in, FIXED_BYTES, 0);
        ByteBuffer b = ByteBuffer.wrap(fixed);
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
        int coderId = b.get() & 0xFF;
        byte[] fp = new byte[8];
        b.get(fp);
        int channels = b.getShort() & 0xFFFF;
        long frameLength = b.getInt() & 0xFFFFFFFFL;
        long samples = b.getInt() & 0xFFFFFFFFL;
        long headerBytes = b.getInt() & 0xFFFFFFFFL;
        if (headerBytes > WavFile.MAX_EXTRA_BYTES) {
            throw new CorruptStreamException("WAV header length " + headerBytes + " exceeds the limit "
                    + WavFile.MAX_EXTRA_BYTES, FIXED_BYTES - 4);
        }
        byte[] wavHeader = readBytes(in, (int) headerBytes, FIXED_BYTES);
        byte[] crcBytes = readBytes(in, 4, FIXED_BYTES + headerBytes);
        CRC32 crc = new CRC32();
        crc.update(fixed);
        crc.update(wavHeader);
        if ((int) crc.getValue() != ByteBuffer.wrap(crcBytes).getInt()) {
            throw new CorruptStreamException("header checksum mismatch: the stream header is damaged",
                    FIXED_BYTES + headerBytes);
        }
        CoderKind coder = CoderKind.ofId(coderId);
        if (coder == null) {
            throw new CorruptStreamException("unknown coder id " + coderId, 5);
        }
        String problem = frameLength > Integer.MAX_VALUE ? "frame length " + frameLength
                : problem(channels, (int) frameLength, samples, wavHeader.length);
        if (problem != null) {
            throw new CorruptStreamException("unsupported stream: " + problem, 14);
        }
        return new StreamHeader(version, coder, HexFormat.of().formatHex(fp), channels, (int) frameLength, samples,
                wavHeader);
    }

    public static int crc(byte[] data, int off, int len) {
        CRC32 c = new CRC32();
        c.update(data, off, len);
        return (int) c.getValue();
    }

    /**
     * Exactly {@code n} bytes; {@code at} is their offset in the stream. Grows the buffer as bytes
     * arrive, so a false length costs no more memory than the stream holds.
     */
    static byte[] readBytes(InputStream in, int n, long at) throws CorruptStreamException, IOException {
        byte[] out = in.readNBytes(n);
        if (out.length < n) {
            throw new CorruptStreamException("stream ends early (truncated)", at + out.length);
        }
        return out;
    }
}
