package ephyzip.stream;

import ephyzip.io.CorruptStreamException;
import ephyzip.residual.FastChannel;

/**
 * The header record of a fast-path stream (coder 4), in the place of the alphabet record: the
 * byte {@code 4} and the variant (0 to {@link FastChannel#VARIANTS} - 1), the same for every channel.
 */
public final class FastRecord {
    static final int TAG = 4;
    static final int BYTES = 2;

    private FastRecord() {
    }

    /** The record of {@code variant}. */
    public static byte[] of(int variant) {
        if (variant < 0 || variant >= FastChannel.VARIANTS) {
            throw new IllegalArgumentException("fast-path variant " + variant);
        }
        return new byte[] {TAG, (byte) variant};
    }

    /** Why {@code record} is not a fast-path record, or null. */
    static String problem(byte[] record) {
        if (record.length != BYTES || record[0] != TAG) {
            return "fast-path record of " + record.length + " bytes";
        }
        if ((record[1] & 0xFF) >= FastChannel.VARIANTS) {
            return "unknown fast-path variant " + (record[1] & 0xFF);
        }
        return null;
    }

    /** The variant of a checked record. */
    static int variant(byte[] record) {
        return record[1];
    }

    /** What {@code samples} ({@code n} of each channel) would code to on the fast path at {@code variant}, in bytes. */
    public static long bytes(short[][] samples, int n, int variant) {
        return FastPayloadCoder.bytes(samples, n, variant);
    }

    static void check(byte[] record, long offset) throws CorruptStreamException {
        String p = problem(record);
        if (p != null) {
            throw new CorruptStreamException(p, offset);
        }
    }
}
