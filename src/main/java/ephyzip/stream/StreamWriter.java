package ephyzip.stream;

import ephyzip.io.Varint;
import ephyzip.model.Alphabet;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an {@code .ezp} stream frame by frame: the header at once, then each frame as soon as
 * it is given (its payload length, its payload, and a checkpoint where one is due), then the end
 * record. Holds one frame at a time.
 */
public final class StreamWriter {
    private final OutputStream out;
    private final StreamHeader header;
    private final PayloadCoder coder;
    private final Alphabet alphabet;
    private final ChannelPredictors predictors;
    private final short[][] channels;
    private final Checkpoints checkpoints = new Checkpoints();
    private long frame;

    public StreamWriter(OutputStream out, StreamHeader header, PayloadCoder coder, Alphabet alphabet,
                        ChannelPredictors predictors) throws IOException {
        this.out = out;
        this.header = header;
        this.coder = coder;
        this.alphabet = alphabet;
        this.predictors = predictors;
        this.channels = new short[header.channels()][header.frameLength()];
        out.write(header.toBytes());
    }

    /** Samples per channel the next frame must hold (0 once all frames are written). */
    public int nextFrameSamples() {
        return frame < header.frameCount() ? header.frameSamples(frame) : 0;
    }

    public StreamHeader header() {
        return header;
    }

    /** Codes the next frame ({@code nextFrameSamples() * channels} interleaved samples) into the stream. */
    public void writeFrame(short[] interleaved) throws IOException {
        boolean checkpoint = header.checkpointAfter(frame);
        byte[] packet = packet(interleaved);
        Varint.write(out, packet.length - (checkpoint ? 4 : 0));
        out.write(packet);
    }

    /**
     * Codes the next frame for a link that carries each frame in a packet of its own (and so
     * knows its length): the frame's payload, then its checkpoint if one is due, without the
     * length prefix. The receiver gets {@code header().toBytes()} once, then the packets in order
     * ({@link StreamReader#decodePacket}). Nothing is written to the stream.
     */
    public byte[] packet(short[] interleaved) {
        int n = nextFrameSamples();
        if (n == 0) {
            throw new IllegalStateException("all frames are written");
        }
        int ch = header.channels();
        for (int i = 0, k = 0; i < n; i++) {
            for (int c = 0; c < ch; c++) {
                channels[c][i] = interleaved[k++];
            }
        }
        if (header.restartAt(frame)) {
            predictors.restart();
        }
        byte[] payload = coder.encodeFrame(predictors, alphabet, channels, n);
        if (payload.length > Frames.maxPayload(n, ch, header.coder())) {
            throw new IllegalStateException("frame payload of " + payload.length + " bytes exceeds the format's bound");
        }
        checkpoints.add(interleaved, n * ch);
        boolean checkpoint = header.checkpointAfter(frame);
        frame++;
        if (!checkpoint) {
            return payload;
        }
        byte[] out = java.util.Arrays.copyOf(payload, payload.length + 4);
        java.nio.ByteBuffer.wrap(out, payload.length, 4).putInt(checkpoints.value());
        return out;
    }

    /** Writes the end record: the WAV file's bytes after its samples. */
    public void finish(byte[] wavTrailer) throws IOException {
        if (frame != header.frameCount()) {
            throw new IllegalStateException((header.frameCount() - frame) + " frames not written");
        }
        out.write(Frames.endRecord(wavTrailer));
        out.flush();
    }
}
