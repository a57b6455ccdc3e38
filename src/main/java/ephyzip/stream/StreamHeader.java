package ephyzip.stream;

import ephyzip.format.InputKind;
import ephyzip.format.WavFile;
import ephyzip.io.CorruptStreamException;
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
 * @param kind              the kind of file that was encoded
 * @param rate              its sample rate in Hz as the file or its sidecar states it (0: not stated)
 * @param sourceHeader      the file's bytes before its samples, verbatim (none for flat files)
 * @param alphabetRecord    the values the samples are coded in ({@link StreamAlphabet}); empty: the model's
 * @param segmentChannels   channels per coder segment of a frame (0: one segment for all), see
 *                          {@link SegmentedCoder}
 * @param restartFrames     frames from one restart point to the next (0: none; version 6 on): at each, every
 *                          channel's predictor starts fresh, so decoding can begin there
 */
public record StreamHeader(int version, CoderKind coder, String modelFingerprint, int channels, int frameLength,
                           long samplesPerChannel, InputKind kind, double rate, byte[] sourceHeader,
                           byte[] alphabetRecord, int segmentChannels, int restartFrames) {
    /**
     * The newest version this ephyzip writes: version 9's layout, for the arithmetic coder on the
     * grid path with a network model at levels 4 and 5, whose predictor mixes the bigram table's
     * prediction alone (the network is not run); no other coder is allowed in it. Version 9
     * (version 8's layout) holds the grid path's coders (rank and arith) with a network model at
     * levels 7 to 9, whose predictor mixes in each channel's own histogram of step classes; no other
     * coder is allowed in it either. Residual-path streams that use a long LMS preset (level 9) are
     * written as {@link #VERSION_8}, fast-path streams as {@link #VERSION_7}; the other streams as
     * {@link #VERSION_6} when they hold a restart point, else as {@link #VERSION_5}, byte for byte
     * what earlier releases wrote. Also read: {@link #VERSION_4}, {@link #VERSION_3} (the same
     * layout, the linear mixer) and {@link #VERSION_2}.
     */
    public static final int VERSION = 10;
    /** The newest version, under the name its checks use. */
    public static final int VERSION_10 = VERSION;
    /** Version 8's layout; the grid path's coders only, the class histogram mixed in. */
    public static final int VERSION_9 = 9;
    /** Version 7 and the residual path's presets 3 to 11 (a long LMS stage). */
    public static final int VERSION_8 = 8;
    /** Version 6 and the fast residual path (coder 4). */
    public static final int VERSION_7 = 7;
    /** Version 5 and restart points (the restart field). */
    public static final int VERSION_6 = 6;
    /** Version 4 and the residual path (coder 3). */
    public static final int VERSION_5 = 5;
    /** Version 5's layout without the residual path (coder 3); the network's geometric mixer. */
    public static final int VERSION_4 = 4;
    /** Input kinds, rates, segments and alphabet records; the network predictor's linear mixer. */
    public static final int VERSION_3 = 3;
    /** Before input kinds: WAV only, no kind or rate fields. */
    public static final int VERSION_2 = 2;
    static final byte[] MAGIC = {'E', 'Z', 'P', 0x1A};
    public static final int MAX_CHANNELS = 4096;
    /** Most samples (all channels) in one frame: bounds the memory of encoder and decoder. */
    public static final int MAX_FRAME_SAMPLES = 1 << 22;
    /** A WAV data chunk holds at most 2^32 - 1 bytes. */
    public static final long MAX_DATA_BYTES = 0xFFFFFFFFL;
    /** The sample count field holds 32 bits. */
    public static final long MAX_SAMPLES_PER_CHANNEL = 0xFFFFFFFFL;
    /** Bytes before the source header, by version. */
    static final int FIXED_BYTES_2 = 4 + 1 + 1 + 8 + 2 + 4 + 4 + 4;
    public static final int FIXED_BYTES = FIXED_BYTES_2 + 1 + 8 + 2;
    /** Version 6 adds the restart interval. */
    static final int FIXED_BYTES_6 = FIXED_BYTES + 4;

    public StreamHeader {
        String problem = problem(kind, channels, frameLength, samplesPerChannel, sourceHeader.length);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!(rate >= 0 && rate < 1e9)) {
            throw new IllegalArgumentException("sample rate " + rate);
        }
        if (alphabetRecord.length > maxRecord(coder) || (version == VERSION_2 && alphabetRecord.length > 0)) {
            throw new IllegalArgumentException("alphabet record of " + alphabetRecord.length + " bytes");
        }
        if (segmentChannels < 0 || segmentChannels > channels || (version == VERSION_2 && segmentChannels != 0)) {
            throw new IllegalArgumentException(segmentChannels + " channels per segment");
        }
        if (restartFrames < 0 || (version < VERSION_6 && restartFrames != 0)) {
            throw new IllegalArgumentException("restart points every " + restartFrames + " frames in version " + version);
        }
        if (coder == CoderKind.RESIDUAL && (version < VERSION_5 || ResidualRecord.problem(alphabetRecord, channels, version) != null)) {
            throw new IllegalArgumentException("residual path in a version " + version + " stream with a record of "
                    + alphabetRecord.length + " bytes");
        }
        if (coder == CoderKind.FAST && (version < VERSION_7 || FastRecord.problem(alphabetRecord) != null)) {
            throw new IllegalArgumentException("fast path in a version " + version + " stream with a record of "
                    + alphabetRecord.length + " bytes");
        }
        if (!holds(version, coder)) {
            throw new IllegalArgumentException(coder.label() + " coder in a version " + version + " stream");
        }
    }

    /** Whether a stream of {@code version} may hold {@code coder}: 9 the grid path's coders only, 10 arith only. */
    private static boolean holds(int version, CoderKind coder) {
        return version == VERSION_10 ? coder == CoderKind.ARITH : version < VERSION_9 || coder.grid();
    }

    /** A header with one coder segment for all channels. */
    public StreamHeader(int version, CoderKind coder, String modelFingerprint, int channels, int frameLength,
                        long samplesPerChannel, InputKind kind, double rate, byte[] sourceHeader,
                        byte[] alphabetRecord) {
        this(version, coder, modelFingerprint, channels, frameLength, samplesPerChannel, kind, rate, sourceHeader,
                alphabetRecord, 0, 0);
    }

    /** A header without restart points. */
    public StreamHeader(int version, CoderKind coder, String modelFingerprint, int channels, int frameLength,
                        long samplesPerChannel, InputKind kind, double rate, byte[] sourceHeader,
                        byte[] alphabetRecord, int segmentChannels) {
        this(version, coder, modelFingerprint, channels, frameLength, samplesPerChannel, kind, rate, sourceHeader,
                alphabetRecord, segmentChannels, 0);
    }

    /** Whether every channel's predictor starts fresh at frame {@code f} (the first frame aside). */
    public boolean restartAt(long f) {
        return restartFrames > 0 && f > 0 && f % restartFrames == 0;
    }

    /** The restart point at or before frame {@code f}: the first frame decoding of frame f can start from. */
    public long restartBefore(long f) {
        return restartFrames == 0 ? 0 : f / restartFrames * restartFrames;
    }

    /** The longest record a stream of {@code coder} may carry: an alphabet's, or the residual path's 3 bytes a channel. */
    static int maxRecord(CoderKind coder) {
        return coder == CoderKind.RESIDUAL ? 3 * MAX_CHANNELS + 1
                : coder == CoderKind.FAST ? FastRecord.BYTES : StreamAlphabet.MAX_RECORD;
    }

    /** Coder segments in each frame. */
    public int segments() {
        return segmentChannels == 0 ? 1 : (channels + segmentChannels - 1) / segmentChannels;
    }

    /** A version-3 header without an alphabet record (the model's alphabet). */
    public StreamHeader(int version, CoderKind coder, String modelFingerprint, int channels, int frameLength,
                        long samplesPerChannel, InputKind kind, double rate, byte[] sourceHeader) {
        this(version, coder, modelFingerprint, channels, frameLength, samplesPerChannel, kind, rate, sourceHeader,
                new byte[0], 0, 0);
    }

    /** Why these sizes cannot make a stream, or null. */
    public static String problem(InputKind kind, int channels, int frameLength, long samplesPerChannel,
                                 int sourceHeaderBytes) {
        if (channels < 1 || channels > MAX_CHANNELS) {
            return channels + " channels (at most " + MAX_CHANNELS + " are supported)";
        }
        if (frameLength < 1 || (long) frameLength * channels > MAX_FRAME_SAMPLES) {
            return "frame length " + frameLength + " for " + channels + " channels (a frame holds 1 to "
                    + MAX_FRAME_SAMPLES + " samples of all channels together)";
        }
        if (samplesPerChannel < 0 || samplesPerChannel > MAX_SAMPLES_PER_CHANNEL
                || (kind == InputKind.WAV && samplesPerChannel * 2 * channels > MAX_DATA_BYTES)) {
            return samplesPerChannel + " samples per channel exceed what a " + kind + " file can hold";
        }
        if (sourceHeaderBytes > WavFile.MAX_EXTRA_BYTES || (kind.flat() && sourceHeaderBytes > 0)) {
            return "file header of " + sourceHeaderBytes + " bytes exceeds the limit for " + kind;
        }
        return null;
    }

    /** Bytes of the header in the stream. */
    public int length() {
        return version == VERSION_2 ? FIXED_BYTES_2 + sourceHeader.length + 4
                : fixedBytes(version) + sourceHeader.length + 2 + alphabetRecord.length + 4;
    }

    /** Bytes before the source header in a stream of {@code version}. */
    public static int fixedBytes(int version) {
        return version == VERSION_2 ? FIXED_BYTES_2 : version >= VERSION_6 ? FIXED_BYTES_6 : FIXED_BYTES;
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
            if (version != VERSION_2) {
                out.writeByte(kind.id);
                out.writeLong(Double.doubleToLongBits(rate));
                out.writeShort(segmentChannels);
            }
            if (version >= VERSION_6) {
                out.writeInt(restartFrames);
            }
            out.writeInt(sourceHeader.length);
            out.write(sourceHeader);
            if (version != VERSION_2) {
                out.writeShort(alphabetRecord.length);
                out.write(alphabetRecord);
            }
            out.flush();
            out.writeInt(crc(bytes.toByteArray(), 0, bytes.size()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads and checks the header at the start of {@code in}, reading nothing beyond it. */
    public static StreamHeader read(InputStream in) throws CorruptStreamException, IOException {
        byte[] start = readBytes(in, 5, 0);
        for (int i = 0; i < MAGIC.length; i++) {
            if (start[i] != MAGIC[i]) {
                throw new CorruptStreamException("not an ephyzip stream", 0);
            }
        }
        int version = start[4] & 0xFF;
        if (version < VERSION_2 || version > VERSION) {
            throw new CorruptStreamException("stream format version " + version
                    + " is not supported (this ephyzip reads versions " + VERSION_2 + " to " + VERSION + ")", 4);
        }
        int fixedBytes = fixedBytes(version);
        byte[] fixed = java.util.Arrays.copyOf(start, fixedBytes);
        System.arraycopy(readBytes(in, fixedBytes - 5, 5), 0, fixed, 5, fixedBytes - 5);
        ByteBuffer b = ByteBuffer.wrap(fixed, 5, fixedBytes - 5);
        int coderId = b.get() & 0xFF;
        CoderKind coder = CoderKind.ofId(coderId); // null is refused after the checksum
        byte[] fp = new byte[8];
        b.get(fp);
        int channels = b.getShort() & 0xFFFF;
        long frameLength = b.getInt() & 0xFFFFFFFFL;
        long samples = b.getInt() & 0xFFFFFFFFL;
        int kindId = version == VERSION_2 ? InputKind.WAV.id : b.get() & 0xFF;
        double rate = version == VERSION_2 ? 0 : Double.longBitsToDouble(b.getLong());
        int segmentChannels = version == VERSION_2 ? 0 : b.getShort() & 0xFFFF;
        long restartFrames = version >= VERSION_6 ? b.getInt() & 0xFFFFFFFFL : 0;
        long headerBytes = b.getInt() & 0xFFFFFFFFL;
        if (headerBytes > WavFile.MAX_EXTRA_BYTES) {
            throw new CorruptStreamException("file header length " + headerBytes + " exceeds the limit "
                    + WavFile.MAX_EXTRA_BYTES, fixedBytes - 4);
        }
        byte[] sourceHeader = readBytes(in, (int) headerBytes, fixedBytes);
        long at = fixedBytes + headerBytes;
        byte[] alphabetLength = new byte[0];
        byte[] alphabetRecord = new byte[0];
        if (version != VERSION_2) {
            alphabetLength = readBytes(in, 2, at);
            int n = ByteBuffer.wrap(alphabetLength).getShort() & 0xFFFF;
            int limit = coder == null ? StreamAlphabet.MAX_RECORD : maxRecord(coder);
            if (n > limit) {
                throw new CorruptStreamException("alphabet record length " + n + " exceeds the limit "
                        + limit, at);
            }
            alphabetRecord = readBytes(in, n, at + 2);
            at += 2 + n;
        }
        byte[] crcBytes = readBytes(in, 4, at);
        CRC32 crc = new CRC32();
        crc.update(fixed);
        crc.update(sourceHeader);
        crc.update(alphabetLength);
        crc.update(alphabetRecord);
        if ((int) crc.getValue() != ByteBuffer.wrap(crcBytes).getInt()) {
            throw new CorruptStreamException("header checksum mismatch: the stream header is damaged", at);
        }
        InputKind kind = InputKind.ofId(kindId);
        if (kind == null) {
            throw new CorruptStreamException("unknown input kind " + kindId, FIXED_BYTES_2 - 4);
        }
        if (!(rate >= 0 && rate < 1e9)) {
            throw new CorruptStreamException("sample rate " + rate + " is not valid", FIXED_BYTES_2 - 3);
        }
        if (segmentChannels > channels) {
            throw new CorruptStreamException(segmentChannels + " channels per segment of " + channels,
                    FIXED_BYTES_2 + 5);
        }
        if (coder == null) {
            throw new CorruptStreamException("unknown coder id " + coderId, 5);
        }
        if (restartFrames > Integer.MAX_VALUE) {
            throw new CorruptStreamException("restart interval of " + restartFrames + " frames", FIXED_BYTES - 4);
        }
        if (coder == CoderKind.RESIDUAL) {
            if (version < VERSION_5) {
                throw new CorruptStreamException("coder id 3 in a version " + version + " stream", 5);
            }
            ResidualRecord.check(alphabetRecord, channels, version, fixedBytes + headerBytes + 2);
        }
        if (coder == CoderKind.FAST) {
            if (version < VERSION_7) {
                throw new CorruptStreamException("coder id 4 in a version " + version + " stream", 5);
            }
            FastRecord.check(alphabetRecord, fixedBytes + headerBytes + 2);
        }
        if (!holds(version, coder)) {
            throw new CorruptStreamException("coder id " + coderId + " in a version " + version + " stream", 5);
        }
        String problem = frameLength > Integer.MAX_VALUE ? "frame length " + frameLength
                : problem(kind, channels, (int) frameLength, samples, sourceHeader.length);
        if (problem != null) {
            throw new CorruptStreamException("unsupported stream: " + problem, 14);
        }
        return new StreamHeader(version, coder, HexFormat.of().formatHex(fp), channels, (int) frameLength, samples,
                kind, rate, sourceHeader, alphabetRecord, segmentChannels, (int) restartFrames);
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
