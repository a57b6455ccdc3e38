package ephyzip.stream;

import ephyzip.coding.RankTier;
import ephyzip.coding.TierCode;
import ephyzip.io.BitInputStream;
import ephyzip.io.BitOutputStream;
import ephyzip.io.CorruptStreamException;
import ephyzip.model.Alphabet;
import ephyzip.predict.ModelPredictor;

/**
 * The 0/4/7/10-bit rank coder. Per sample: the tier's prefix code ({@link TierCode}), then the
 * tier's payload bits (see {@link RankTier}), most significant bit first; the last byte of a
 * frame is padded with zero bits.
 */
public final class RankPayloadCoder implements PayloadCoder {
    private final TierCode tierCode;
    /** Format 2's rule: after an escape the predictor learned the nearest token, not the escape. */
    private final boolean version2;

    public RankPayloadCoder(TierCode tierCode) {
        this(tierCode, false);
    }

    RankPayloadCoder(TierCode tierCode, boolean version2) {
        this.tierCode = tierCode;
        this.version2 = version2;
    }

    @Override
    public byte[] encodeFrame(ChannelPredictors predictors, Alphabet alphabet, short[][] samples, int n) {
        BitOutputStream out = new BitOutputStream();
        int escape = alphabet.size();
        for (int c = 0; c < predictors.channels(); c++) {
            ModelPredictor predictor = predictors.get(c);
            short[] channel = samples[c];
            for (int i = 0; i < n; i++) {
                short s = channel[i];
                int token = alphabet.token(s);
                predictor.predict();
                if (token < 0) {
                    tierCode.write(out, RankTier.ESCAPE);
                    out.writeBits(s, 16);
                    int near = alphabet.nearest(s);
                    predictor.update(version2 ? near : escape, near);
                    continue;
                }
                int rank = predictor.ranking().rankOf(token);
                RankTier tier = RankTier.ofRank(rank);
                tierCode.write(out, tier);
                out.writeBits(tier == RankTier.RAW ? token : rank - tier.firstRank, tier.payloadBits);
                predictor.update(token, token);
            }
        }
        return out.finish();
    }

    @Override
    public void decodeFrame(ChannelPredictors predictors, Alphabet alphabet, byte[] payload, long payloadOffset,
                            short[][] out, int n) throws CorruptStreamException {
        BitInputStream in = new BitInputStream(payload, 0, payload.length, payloadOffset);
        int escape = alphabet.size();
        for (int c = 0; c < predictors.channels(); c++) {
            ModelPredictor predictor = predictors.get(c);
            short[] channel = out[c];
            for (int i = 0; i < n; i++) {
                predictor.predict();
                RankTier tier = tierCode.read(in);
                int bits = in.readBits(tier.payloadBits);
                if (tier == RankTier.ESCAPE) {
                    channel[i] = (short) bits;
                    int near = alphabet.nearest((short) bits);
                    predictor.update(version2 ? near : escape, near);
                    continue;
                }
                int token = tier == RankTier.RAW ? bits : predictor.ranking().tokenAt(bits + tier.firstRank);
                if (token >= alphabet.size()) {
                    throw new CorruptStreamException("token " + token + " outside the alphabet", in.offset());
                }
                channel[i] = alphabet.value(token);
                predictor.update(token, token);
            }
            if (in.overran()) {
                throw new CorruptStreamException("frame payload ends too early", in.offset());
            }
        }
    }
}
