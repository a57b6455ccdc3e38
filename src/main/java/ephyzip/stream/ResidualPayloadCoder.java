package ephyzip.stream;

import ephyzip.coding.BinaryDecoder;
import ephyzip.coding.BinaryEncoder;
import ephyzip.io.CorruptStreamException;
import ephyzip.model.Alphabet;
import ephyzip.residual.BinaryBits;
import ephyzip.residual.ResidualChannel;

/**
 * The residual path (coder 3): each channel's samples predicted by its {@link ResidualChannel}
 * and the residuals coded by one binary arithmetic coder per frame (or segment). Within a segment
 * the samples go time step by time step, channel after channel, so that each channel's prediction
 * reads the samples the channels before it in the segment have at the same time step (up to
 * {@link ResidualChannel#MAX_CROSS}). Works on any values: no alphabet, no escapes.
 */
final class ResidualPayloadCoder implements PayloadCoder {
    /** Bytes the decoder may read past a payload's end before calling it damaged (the coder's 4-byte window). */
    private static final int SLACK = 4;
    private final byte[] presets;
    private final int[] periods;

    /** {@code presets[c]}, {@code periods[c]}: stream channel {@code c}'s settings (its {@link ResidualRecord}). */
    ResidualPayloadCoder(byte[] presets, int[] periods) {
        this.presets = presets;
        this.periods = periods;
    }

    /** Channels coded before channel {@code c} of a segment that feed its prediction. */
    static int crossInputs(int c) {
        return Math.min(c, ResidualChannel.MAX_CROSS);
    }

    /** Gives channel {@code c} of a segment the channels before it at time step {@code i}. */
    private static void feedOthers(ResidualChannel[] rc, int c, short[][] samples, int i) {
        for (int j = 0, k = crossInputs(c); j < k; j++) {
            rc[c].cross(j, rc[c - 1 - j], samples[c - 1 - j][i]);
        }
    }

    private ResidualChannel[] channels(ChannelPredictors predictors) {
        ResidualChannel[] rc = new ResidualChannel[predictors.channels()];
        for (int c = 0; c < rc.length; c++) {
            int sc = predictors.streamChannel(c);
            rc[c] = predictors.residual(c, presets[sc], crossInputs(c), periods[sc]);
        }
        return rc;
    }

    @Override
    public byte[] encodeFrame(ChannelPredictors predictors, Alphabet alphabet, short[][] samples, int n) {
        BinaryEncoder enc = new BinaryEncoder();
        BinaryBits io = BinaryBits.of(enc);
        ResidualChannel[] rc = channels(predictors);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < rc.length; c++) {
                feedOthers(rc, c, samples, i);
                rc[c].encode(io, samples[c][i]);
            }
        }
        return enc.finish();
    }

    @Override
    public void decodeFrame(ChannelPredictors predictors, Alphabet alphabet, byte[] payload, long payloadOffset,
                            short[][] out, int n) throws CorruptStreamException {
        BinaryDecoder dec = new BinaryDecoder(payload, 0, payload.length);
        BinaryBits io = BinaryBits.of(dec);
        ResidualChannel[] rc = channels(predictors);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < rc.length; c++) {
                feedOthers(rc, c, out, i);
                out[c][i] = (short) rc[c].decode(io);
            }
            if (dec.overran() > SLACK) {
                throw new CorruptStreamException("residual payload ends before sample " + i + " of its frame",
                        payloadOffset + payload.length);
            }
        }
    }

    /**
     * What each channel of {@code samples} ({@code n} samples each, in segments of
     * {@code segmentChannels}, 0 for one) would cost with these presets and periods, in 1/256 bit,
     * counting the samples from {@code countFrom} on: the encoder's trial, run as the coder runs
     * but counting instead of coding.
     */
    static long[] costs(short[][] samples, int n, int countFrom, int segmentChannels, byte[] presets, int[] periods) {
        BinaryBits.Cost warmUp = new BinaryBits.Cost();
        int channels = samples.length;
        int s = segmentChannels == 0 ? channels : segmentChannels;
        long[] cost = new long[channels];
        for (int from = 0; from < channels; from += s) {
            int to = Math.min(channels, from + s);
            short[][] segment = java.util.Arrays.copyOfRange(samples, from, to);
            ResidualChannel[] rc = new ResidualChannel[to - from];
            BinaryBits.Cost[] counter = new BinaryBits.Cost[rc.length];
            for (int c = 0; c < rc.length; c++) {
                rc[c] = new ResidualChannel(presets[from + c], crossInputs(c), periods[from + c]);
                counter[c] = new BinaryBits.Cost();
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < rc.length; c++) {
                    feedOthers(rc, c, segment, i);
                    rc[c].encode(i < countFrom ? warmUp : counter[c], segment[c][i]);
                }
            }
            for (int c = 0; c < rc.length; c++) {
                cost[from + c] = counter[c].total();
            }
        }
        return cost;
    }
}
