package ephyzip.stream;

import ephyzip.io.CorruptStreamException;
import ephyzip.residual.ResidualChannel;

/**
 * The header record of a residual-path stream (coder 3), in the place of the alphabet record:
 * empty (every channel uses predictor preset 0), or the byte {@code 3} followed by one byte per
 * channel, its preset.
 */
public final class ResidualRecord {
    static final int TAG = 3;

    private ResidualRecord() {
    }

    /** The record for the presets of each channel. */
    public static byte[] of(byte[] presets) {
        byte[] r = new byte[presets.length + 1];
        r[0] = TAG;
        System.arraycopy(presets, 0, r, 1, presets.length);
        return r;
    }

    /** Why {@code record} is not a residual record for {@code channels} channels, or null. */
    static String problem(byte[] record, int channels) {
        if (record.length == 0) {
            return null;
        }
        if (record[0] != TAG || record.length != channels + 1) {
            return "residual-path record of " + record.length + " bytes for " + channels + " channels";
        }
        for (int i = 1; i < record.length; i++) {
            if ((record[i] & 0xFF) >= ResidualChannel.PRESETS) {
                return "unknown predictor preset " + (record[i] & 0xFF) + " for channel " + (i - 1);
            }
        }
        return null;
    }

    /** The preset of each channel from a checked record. */
    static byte[] presets(byte[] record, int channels) {
        return record.length == 0 ? new byte[channels] : java.util.Arrays.copyOfRange(record, 1, record.length);
    }

    /**
     * The residual path's plan for {@code samples} ({@code n} of each channel, coded in segments of
     * {@code segmentChannels}): each channel's preset, the one that codes it smallest, and the
     * bytes that would take (estimated from the model's probabilities).
     */
    public record Choice(byte[] record, long bytes) {
    }

    public static Choice choose(short[][] samples, int n, int segmentChannels) {
        int channels = samples.length;
        byte[] presets = new byte[channels];
        long[] best = null;
        for (int p = 0; p < ResidualChannel.PRESETS; p++) {
            long[] cost = ResidualPayloadCoder.costs(samples, n, segmentChannels, p);
            if (best == null) {
                best = cost;
                continue;
            }
            for (int c = 0; c < channels; c++) {
                if (cost[c] < best[c]) {
                    best[c] = cost[c];
                    presets[c] = (byte) p;
                }
            }
        }
        long total = 0;
        for (long b : best) {
            total += b;
        }
        return new Choice(of(presets), (total + 2047) / 2048);
    }

    static void check(byte[] record, int channels, long offset) throws CorruptStreamException {
        String p = problem(record, channels);
        if (p != null) {
            throw new CorruptStreamException(p, offset);
        }
    }
}
