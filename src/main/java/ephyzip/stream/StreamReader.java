package ephyzip.stream;

import ephyzip.format.WavFile;
import ephyzip.io.CorruptStreamException;
import ephyzip.io.Varint;
import ephyzip.model.Alphabet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads an {@code .ezp} stream frame by frame, reading from its input exactly the bytes of each
 * frame and no more, so a receiver can decode each frame as soon as it has arrived. Checks every
 * checkpoint, the end record, and that nothing follows it.
 */
public final class StreamReader {
    private final InputStream in;
    private final StreamHeader header;
    private final PayloadCoder coder;
    private final Alphabet alphabet;
    private final ChannelPredictors predictors;
    private final short[][] channels;
    private final Checkpoints checkpoints = new Checkpoints();
    // allocated when the first frame's payload has arrived, not from what the header declares
    private short[] frameBuffer = new short[0];
    private int bufferSamples;
    private int lastFrameBytes;
    private long offset;
    private long frame;
    private byte[] trailer;
    /** Off once a seek skipped frames: a checkpoint covers every sample from the start. */
    private boolean checkCheckpoints = true;

    /** {@code header}: what {@link StreamHeader#read} returned from {@code in}. */
    public StreamReader(InputStream in, StreamHeader header, PayloadCoder coder, Alphabet alphabet,
                        ChannelPredictors predictors) {
        this.in = in;
        this.header = header;
        this.coder = coder;
        this.alphabet = alphabet;
        this.predictors = predictors;
        this.offset = header.length();
        this.channels = new short[header.channels()][];
    }

    public StreamHeader header() {
        return header;
    }

    /** Bytes of the stream read so far. */
    public long offset() {
        return offset;
    }

    /**
     * Decodes the next frame and returns its samples, interleaved ({@code channels} times the
     * frame's samples per channel; the array is reused by the next call). After the last frame,
     * reads and checks the end record and returns null.
     */
    public short[] nextFrame() throws CorruptStreamException, IOException {
        if (frame == header.frameCount()) {
            if (trailer == null) {
                readEnd();
            }
            return null;
        }
        long length = readFrameLength();
        byte[] payload = read((int) length);
        long payloadAt = offset - length;
        long checkpointAt = offset;
        Integer stored = header.checkpointAfter(frame) ? ByteBuffer.wrap(read(4)).getInt() : null;
        return decode(payload, payloadAt, stored, checkpointAt);
    }

    /**
     * Decodes the next frame from a packet written by {@link StreamWriter#packet} (for a reader
     * made by {@code Codec.openPackets}); returns its samples as {@link #nextFrame} does.
     */
    public short[] decodePacket(byte[] packet) throws CorruptStreamException {
        if (frame == header.frameCount()) {
            throw new CorruptStreamException("a packet after the last frame", offset);
        }
        boolean checkpoint = header.checkpointAfter(frame);
        int length = packet.length - (checkpoint ? 4 : 0);
        if (length < 0 || length > Frames.maxPayload(header.frameSamples(frame), header.channels(), header.coder())) {
            throw new CorruptStreamException("packet of frame " + frame + " has an impossible length "
                    + packet.length, offset);
        }
        Integer stored = checkpoint ? ByteBuffer.wrap(packet, length, 4).getInt() : null;
        long at = offset;
        offset += packet.length;
        return decode(Arrays.copyOf(packet, length), at, stored, at + length);
    }

    /**
     * Decodes only the coder segments that hold one of {@code channels} (stream channel numbers):
     * the other channels' samples in the frames returned are meaningless, and checkpoints are not
     * checked (they cover every channel). With one segment a frame, every channel is decoded
     * anyway. Only before the first frame is read.
     */
    public void onlyChannels(int[] channels) {
        if (frame != 0) {
            throw new IllegalStateException("choose channels before reading frames");
        }
        boolean[] wanted = new boolean[header.channels()];
        for (int c : channels) {
            wanted[c] = true;
        }
        predictors.want(wanted);
        for (boolean w : wanted) {
            checkCheckpoints &= w;
        }
    }

    /** Reads the next frame's payload length prefix and checks it against what the frame can need. */
    private long readFrameLength() throws CorruptStreamException, IOException {
        int n = header.frameSamples(frame);
        long lengthAt = offset;
        long length = Varint.read(in, 5, offset, "frame length");
        offset += Varint.size(length);
        if (length > Frames.maxPayload(n, header.channels(), header.coder())) {
            throw new CorruptStreamException("frame " + frame + " declares " + length
                    + " payload bytes, more than a frame of " + n + " samples per channel can need", lengthAt);
        }
        return length;
    }

    /** The frame {@link #nextFrame} decodes next. */
    public long nextFrameIndex() {
        return frame;
    }

    /**
     * Makes frame {@code target} the next one {@link #nextFrame} returns: skips the frames before
     * the last restart point at or before it without decoding them (reading only their length
     * prefixes, and skipping their bytes in {@code in}), then decodes and drops the frames from
     * there up to it. From a skipped frame on, checkpoints are not checked (each covers all samples
     * from the start); the end record still is. Only before the first frame is read.
     */
    public void seekFrame(long target) throws CorruptStreamException, IOException {
        if (frame != 0) {
            throw new IllegalStateException("seek before reading frames");
        }
        if (target < 0 || target > header.frameCount()) {
            throw new IllegalArgumentException("frame " + target + " of " + header.frameCount());
        }
        long restart = header.restartBefore(Math.min(target, Math.max(0, header.frameCount() - 1)));
        if (restart > 0) {
            checkCheckpoints = false;
        }
        while (frame < restart) {
            long length = readFrameLength();
            long skip = length + (header.checkpointAfter(frame) ? 4 : 0);
            try {
                in.skipNBytes(skip);
            } catch (java.io.EOFException e) {
                throw new CorruptStreamException("stream ends early (truncated)", offset);
            }
            offset += skip;
            frame++;
        }
        while (frame < target) {
            nextFrame();
        }
    }

    private short[] decode(byte[] payload, long payloadAt, Integer storedCheckpoint, long checkpointAt)
            throws CorruptStreamException {
        int n = header.frameSamples(frame);
        int ch = header.channels();
        if (bufferSamples < n) {
            for (int c = 0; c < ch; c++) {
                channels[c] = new short[n];
            }
            frameBuffer = new short[n * ch];
            bufferSamples = n;
        }
        if (header.restartAt(frame)) {
            predictors.restart();
        }
        coder.decodeFrame(predictors, alphabet, payload, payloadAt, channels, n);
        for (int i = 0, k = 0; i < n; i++) {
            for (int c = 0; c < ch; c++) {
                frameBuffer[k++] = channels[c][i];
            }
        }
        checkpoints.add(frameBuffer, n * ch);
        lastFrameBytes = 2 * n * ch;
        if (checkCheckpoints && storedCheckpoint != null && storedCheckpoint != checkpoints.value()) {
            throw new CorruptStreamException("sample checksum mismatch after frame " + frame
                    + ": the stream is damaged", checkpointAt);
        }
        frame++;
        return frameBuffer;
    }

    /**
     * The samples of the frame just returned as they lie in the WAV data chunk: the first
     * {@link #frameByteCount()} bytes (the array is reused by the next call).
     */
    public byte[] frameBytes() {
        return checkpoints.lastBytes();
    }

    public int frameByteCount() {
        return lastFrameBytes;
    }

    /** The WAV file's bytes after its samples; available once {@link #nextFrame} returned null. */
    public byte[] trailer() {
        if (trailer == null) {
            throw new IllegalStateException("the stream is not read to its end");
        }
        return trailer.clone();
    }

    private void readEnd() throws CorruptStreamException, IOException {
        long at = offset;
        byte[] len = read(4);
        long n = ByteBuffer.wrap(len).getInt() & 0xFFFFFFFFL;
        if (n > WavFile.MAX_EXTRA_BYTES) {
            throw new CorruptStreamException("WAV trailer length " + n + " exceeds the limit "
                    + WavFile.MAX_EXTRA_BYTES, at);
        }
        byte[] body = read((int) n);
        int stored = ByteBuffer.wrap(read(4)).getInt();
        CRC32 crc = new CRC32();
        crc.update(len);
        crc.update(body);
        if (stored != (int) crc.getValue()) {
            throw new CorruptStreamException("end record checksum mismatch: the stream's end is damaged", at);
        }
        if (in.read() != -1) {
            throw new CorruptStreamException("unexpected bytes after the end of the stream", offset);
        }
        trailer = body;
    }

    private byte[] read(int n) throws CorruptStreamException, IOException {
        byte[] b = StreamHeader.readBytes(in, n, offset);
        offset += n;
        return b;
    }
}
