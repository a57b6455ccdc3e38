package ephyzip.stream;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The small records between and after the frames (see FORMAT.md). */
final class Frames {
    private Frames() {
    }

    /**
     * Largest payload a frame of {@code n} samples per channel may have. Generous (the worst
     * sample costs under 3 bytes in either coder); it exists so that a damaged length is refused
     * before it is trusted.
     */
    static long maxPayload(int n, int channels, CoderKind coder) {
        // the residual path codes up to 32 binary decisions a sample, each at most 11 bits
        long perSample = coder.residual() ? 48 : 8;
        return perSample * n * channels + 64 + 16L * channels; // + a flush and a length per segment
    }

    static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** Trailer length (u32), trailer bytes, CRC-32 of both. */
    static byte[] endRecord(byte[] trailer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(trailer.length);
            out.write(trailer);
            out.flush();
            out.writeInt(StreamHeader.crc(bytes.toByteArray(), 0, bytes.size()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
