package ephyzip.stream;

import ephyzip.io.CorruptStreamException;
import ephyzip.residual.Periods;
import ephyzip.residual.ResidualChannel;
import java.util.Arrays;

/**
 * The header record of a residual-path stream (coder 3), in the place of the alphabet record:
 * empty (every channel uses predictor preset 0 and no period), or the byte {@code 3} followed by
 * three bytes per channel: its preset, and its period (big-endian, 0 for none).
 */
public final class ResidualRecord {
    static final int TAG = 3;

    private ResidualRecord() {
    }

    /** The record for each channel's preset and period. */
    public static byte[] of(byte[] presets, int[] periods) {
        byte[] r = new byte[3 * presets.length + 1];
        r[0] = TAG;
        for (int c = 0; c < presets.length; c++) {
            r[1 + 3 * c] = presets[c];
            r[2 + 3 * c] = (byte) (periods[c] >> 8);
            r[3 + 3 * c] = (byte) periods[c];
        }
        return r;
    }

    /** Whether a channel of a checked record uses a preset that came with version 8 (3 to 11). */
    public static boolean needsVersion8(byte[] record) {
        for (int i = 1; i < record.length; i += 3) {
            if ((record[i] & 0xFF) >= ResidualChannel.LONG_PRESETS) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why {@code record} is not a residual record for {@code channels} channels in a stream of
     * {@code version}, or null.
     */
    static String problem(byte[] record, int channels, int version) {
        if (record.length == 0) {
            return null;
        }
        if (record[0] != TAG || record.length != 3 * channels + 1) {
            return "residual-path record of " + record.length + " bytes for " + channels + " channels";
        }
        for (int c = 0; c < channels; c++) {
            int preset = record[1 + 3 * c] & 0xFF;
            if (preset >= (version >= StreamHeader.VERSION_8 ? ResidualChannel.PRESETS : ResidualChannel.LONG_PRESETS)) {
                return "unknown predictor preset " + preset + " for channel " + c;
            }
            int period = period(record, c);
            if (period != 0 && (period < ResidualChannel.MIN_PERIOD || period > ResidualChannel.MAX_PERIOD)) {
                return "period " + period + " of channel " + c + " outside " + ResidualChannel.MIN_PERIOD + ".."
                        + ResidualChannel.MAX_PERIOD;
            }
        }
        return null;
    }

    private static int period(byte[] record, int c) {
        return ((record[2 + 3 * c] & 0xFF) << 8) | (record[3 + 3 * c] & 0xFF);
    }

    /** The preset of each channel from a checked record. */
    static byte[] presets(byte[] record, int channels) {
        byte[] p = new byte[channels];
        for (int c = 0; record.length > 0 && c < channels; c++) {
            p[c] = record[1 + 3 * c];
        }
        return p;
    }

    /** The period of each channel from a checked record (0: none). */
    static int[] periods(byte[] record, int channels) {
        int[] p = new int[channels];
        for (int c = 0; record.length > 0 && c < channels; c++) {
            p[c] = period(record, c);
        }
        return p;
    }

    /**
     * The residual path's plan for {@code samples} ({@code n} of each channel, coded in segments of
     * {@code segmentChannels}): each channel's preset, the one that codes it smallest, and its
     * period where one helps, and the bytes that would take (counted from the model's probabilities).
     */
    public record Choice(byte[] record, long bytes) {
    }

    /**
     * {@code whole}: the samples are the whole recording, and all of them count; else they are its
     * beginning, and only their second half counts (a preset's steady state matters more than
     * how fast it starts), scaled to all of them.
     *
     * <p>A channel that reads no other channel takes one of presets 9 to 11 (the lighter least
     * squares, the octave from the scale's), a channel that reads others one of format 5's (0 to 2): the lighter least squares learns
     * another channel's residual too slowly (on a 2-channel Neuralynx file the second channel coded
     * 4% larger with it, the first the same). Each channel takes the base (0 to 2) that counted
     * smallest with every channel at that base. With {@code longStages} (level 9) every preset is
     * also counted with every channel at it, each channel takes its smallest of all nine, and that
     * plan is kept only if, coded as planned, it counts smaller than the first one (a channel's
     * cost was counted with its neighbours at the same preset, so a mix can come out larger).
     */
    public static Choice choose(short[][] samples, int n, int segmentChannels, boolean whole, boolean longStages) {
        int countFrom = whole ? 0 : n / 2;
        int channels = samples.length;
        int[] none = new int[channels];
        int s = segmentChannels == 0 ? channels : segmentChannels;
        int[][] defaults = new int[channels][];
        long[][] cost = new long[ResidualChannel.PRESETS][channels];
        for (int base = 0; base < ResidualChannel.LONG_PRESETS; base++) {
            byte[] presets = new byte[channels];
            for (int c = 0; c < channels; c++) {
                presets[c] = (byte) (ResidualPayloadCoder.crossInputs(c % s) > 0 ? base
                        : ResidualChannel.SCALE_PRESETS + base);
            }
            long[] k = ResidualPayloadCoder.costs(samples, n, countFrom, segmentChannels, presets, none);
            for (int c = 0; c < channels; c++) {
                cost[presets[c]][c] = k[c];
            }
        }
        for (int c = 0; c < channels; c++) {
            int first = ResidualPayloadCoder.crossInputs(c % s) > 0 ? 0 : ResidualChannel.SCALE_PRESETS;
            defaults[c] = new int[] {first, first + 1, first + 2};
        }
        int[] found = new int[channels];
        for (int c = 0; c < channels; c++) {
            found[c] = Periods.find(samples[c], n);
        }
        long counted = Math.max(1, n - countFrom);
        Choice base = pick(samples, n, countFrom, segmentChannels, cost, defaults, found);
        if (!longStages) {
            return base;
        }
        long[][] uniform = new long[ResidualChannel.PRESETS][];
        int[][] all = new int[channels][ResidualChannel.PRESETS];
        for (int p = 0; p < uniform.length; p++) {
            byte[] presets = new byte[channels];
            Arrays.fill(presets, (byte) p);
            uniform[p] = ResidualPayloadCoder.costs(samples, n, countFrom, segmentChannels, presets, none);
            for (int c = 0; c < channels; c++) {
                all[c][p] = p;
            }
        }
        Choice heavy = pick(samples, n, countFrom, segmentChannels, uniform, all, found);
        if (Arrays.equals(heavy.record(), base.record())) {
            return base;
        }
        long b = total(ResidualPayloadCoder.costs(samples, n, countFrom, segmentChannels,
                presets(base.record(), channels), periods(base.record(), channels)));
        long h = total(ResidualPayloadCoder.costs(samples, n, countFrom, segmentChannels,
                presets(heavy.record(), channels), periods(heavy.record(), channels)));
        return new Choice(h < b ? heavy.record() : base.record(), (Math.min(h, b) * n / counted + 2047) / 2048);
    }

    /**
     * Each channel's preset among its {@code candidates}, the one that counted smallest in
     * {@code cost} (the first of equal ones), then its period from {@code found} where that
     * counts smaller still.
     */
    private static Choice pick(short[][] samples, int n, int countFrom, int segmentChannels, long[][] cost,
                               int[][] candidates, int[] found) {
        int channels = samples.length;
        byte[] presets = new byte[channels];
        long[] best = new long[channels];
        for (int c = 0; c < channels; c++) {
            int[] cand = candidates[c];
            presets[c] = (byte) cand[0];
            best[c] = cost[cand[0]][c];
            for (int i = 1; i < cand.length; i++) {
                if (cost[cand[i]][c] < best[c]) {
                    best[c] = cost[cand[i]][c];
                    presets[c] = (byte) cand[i];
                }
            }
        }
        int[] periods = found.clone();
        boolean any = false;
        for (int c = 0; c < channels; c++) {
            any |= periods[c] != 0;
        }
        if (any) {
            long[] withPeriod = ResidualPayloadCoder.costs(samples, n, countFrom, segmentChannels, presets, periods);
            for (int c = 0; c < channels; c++) {
                if (withPeriod[c] < best[c]) {
                    best[c] = withPeriod[c];
                } else {
                    periods[c] = 0;
                }
            }
        }
        long counted = Math.max(1, n - countFrom);
        return new Choice(of(presets, periods), (total(best) * n / counted + 2047) / 2048);
    }

    private static long total(long[] costs) {
        long t = 0;
        for (long c : costs) {
            t += c;
        }
        return t;
    }

    /** What {@code samples} would cost on the residual path at the middle preset, in bytes (a first look). */
    public static long count(short[][] samples, int n, int segmentChannels) {
        byte[] presets = new byte[samples.length];
        java.util.Arrays.fill(presets, (byte) 1);
        long total = 0;
        for (long c : ResidualPayloadCoder.costs(samples, n, 0, segmentChannels, presets, new int[samples.length])) {
            total += c;
        }
        return (total + 2047) / 2048;
    }

    static void check(byte[] record, int channels, int version, long offset) throws CorruptStreamException {
        String p = problem(record, channels, version);
        if (p != null) {
            throw new CorruptStreamException(p, offset);
        }
    }
}
