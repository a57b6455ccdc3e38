package ephyzip.stream;

import ephyzip.coding.ChannelPredictors;
import ephyzip.coding.PayloadCoder;
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

    /** Codes the next frame: {@code nextFrameSamples() * channels} interleaved samples. */
    public void writeFrame(short[] interleaved) throws IOException {
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
        byte[] payload = coder.encodeFrame(predictors, alphabet, channels, n);
        if (payload.length > Frames.maxPayload(n, ch)) {
            throw new IllegalStateException("frame payload of " + payload.length + " bytes exceeds the format's bound");
        }
        Frames.writeVarint(out, payload.length);
        out.write(payload);
        checkpoints.add(interleaved, n * ch);
        if (header.checkpointAfter(frame)) {
            Frames.writeInt(out, checkpoints.value());
        }
        frame++;
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
