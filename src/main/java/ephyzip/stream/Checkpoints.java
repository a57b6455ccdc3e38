package ephyzip.stream;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * The running CRC-32 of all samples so far, as they lie in the WAV data chunk (interleaved,
 * 16-bit little-endian). Written into the stream every {@link #INTERVAL} samples per channel
 * (about 3.4 s at 19.5 kHz) and after the last frame, so a receiver learns of damage within one
 * interval, whatever the frame length.
 */
final class Checkpoints {
    static final int INTERVAL = 1 << 16;

    private final CRC32 crc = new CRC32();
    private byte[] bytes = new byte[0];

    void add(short[] interleaved, int count) {
        if (bytes.length < count * 2) {
            bytes = new byte[count * 2];
        }
        toLittleEndian(interleaved, count, bytes);
        crc.update(bytes, 0, count * 2);
    }

    int value() {
        return (int) crc.getValue();
    }

    /** The bytes of the samples just added (valid until the next call of {@link #add}). */
    byte[] lastBytes() {
        return bytes;
    }

    /**
     * One bulk copy (with a byte swap only on a big-endian machine): a loop of byte stores here was
     * compiled twice (on-stack and whole) by the second compiler alone in long jobs, 0.1 s of its
     * time on one core (2026-11-30), and runs slowly interpreted until then.
     */
    static void toLittleEndian(short[] s, int count, byte[] out) {
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(s, 0, count);
    }
}
