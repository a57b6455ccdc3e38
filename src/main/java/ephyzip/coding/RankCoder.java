package ephyzip.coding;

import ephyzip.model.Alphabet;
import ephyzip.predict.Predictor;
import ephyzip.predict.Ranking;
import ephyzip.stream.CorruptStreamException;

/**
 * The 0/4/7/10-bit rank coder. Per sample: the tier's prefix code ({@link TierCode}), then the
 * tier's payload bits (see {@link RankTier}), most significant bit first; the last byte is padded
 * with zero bits.
 */
public final class RankCoder implements PayloadCoder {
    private final TierCode tierCode;

    public RankCoder(TierCode tierCode) {
        this.tierCode = tierCode;
    }

    @Override
    public byte[] encode(Predictor predictor, Alphabet alphabet, short[] samples) {
        BitOutputStream out = new BitOutputStream();
        predictor.reset();
        for (short s : samples) {
            int token = alphabet.token(s);
            if (token < 0) {
                tierCode.write(out, RankTier.ESCAPE);
                out.writeBits(s, 16);
                predictor.update(alphabet.nearest(s));
                continue;
            }
            int rank = predictor.ranking().rankOf(token);
            RankTier tier = RankTier.ofRank(rank);
            tierCode.write(out, tier);
            out.writeBits(tier == RankTier.RAW ? token : rank - tier.firstRank, tier.payloadBits);
            predictor.update(token);
        }
        return out.finish();
    }

    @Override
    public short[] decode(Predictor predictor, Alphabet alphabet, byte[] payload, int count, long payloadOffset)
            throws CorruptStreamException {
        BitInputStream in = new BitInputStream(payload, 0, payload.length, payloadOffset);
        SampleBuffer out = new SampleBuffer(count);
        predictor.reset();
        for (int i = 0; i < count; i++) {
            RankTier tier = tierCode.read(in);
            int bits = in.readBits(tier.payloadBits);
            int token;
            if (tier == RankTier.ESCAPE) {
                out.add((short) bits);
                token = alphabet.nearest((short) bits);
            } else {
                if (tier == RankTier.RAW) {
                    token = bits;
                } else {
                    token = predictor.ranking().tokenAt(bits + tier.firstRank);
                }
                if (token >= alphabet.size()) {
                    throw new CorruptStreamException("token " + token + " outside the alphabet", in.offset());
                }
                out.add(alphabet.value(token));
            }
            predictor.update(token);
        }
        if (in.overran()) {
            throw new CorruptStreamException("payload ends too early", in.offset());
        }
        return out.toArray();
    }
}
