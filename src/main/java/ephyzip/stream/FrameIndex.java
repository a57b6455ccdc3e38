package ephyzip.stream;

import ephyzip.io.CorruptStreamException;
import ephyzip.io.Varint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Where each frame's records lie in a whole stream, found by walking the length prefixes. */
public final class FrameIndex {
    /**
     * One frame: its length prefix starts at {@code start}, its payload at {@code payload} for
     * {@code payloadLength} bytes, and its records (with the checkpoint, if any) end at {@code end}.
     */
    public record Frame(int start, int payload, int payloadLength, int end) {
        public int prefixBytes() {
            return payload - start;
        }
    }

    private FrameIndex() {
    }

    public static StreamHeader header(byte[] stream) throws CorruptStreamException {
        try {
            return StreamHeader.read(new ByteArrayInputStream(stream));
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory: cannot happen
        }
    }

    /** The frames of {@code stream}, without decoding them. */
    public static List<Frame> of(byte[] stream) throws CorruptStreamException {
        StreamHeader h = header(stream);
        List<Frame> out = new ArrayList<>();
        int pos = h.length();
        for (long f = 0; f < h.frameCount(); f++) {
            int start = pos;
            long len;
            try {
                len = Varint.read(new ByteArrayInputStream(stream, pos, stream.length - pos), 5, pos,
                        "frame " + f + " length");
            } catch (IOException e) {
                throw new IllegalStateException(e); // in memory: cannot happen
            }
            pos += Varint.size(len);
            long end = pos + len + (h.checkpointAfter(f) ? 4 : 0);
            if (end > stream.length) {
                throw new CorruptStreamException("frame " + f + " runs past the end of the stream", pos);
            }
            out.add(new Frame(start, pos, (int) len, (int) end));
            pos = (int) end;
        }
        return out;
    }
}
