package ephyzip.train;

import ephyzip.coding.RankTier;
import ephyzip.coding.TierCode;
import ephyzip.model.BigramTable;
import ephyzip.model.CnnWeights;
import ephyzip.predict.CnnPredictor;
import java.util.List;

/**
 * Runs the exported integer network over token sequences exactly as the coder will, and records
 * what the arithmetic coder would pay and where the rank coder's tiers would fall.
 */
final class Evaluation {
    /** Thresholds tried for the rank coder's fallback, in 1/65536 of probability. */
    static final int[] THRESHOLDS = {0, 1 << 11, 1 << 12, 3 << 11, 1 << 13, 5 << 11, 3 << 12, 1 << 14, 3 << 13,
            1 << 15, 1 << 16};

    long samples;
    double bits;
    long top1;
    long top16;
    long top128;
    /** tiers[threshold index][tier]: tier counts of the rank coder with that fallback threshold. */
    final long[][] tiers = new long[THRESHOLDS.length][TierCode.TIERS];

    static Evaluation run(CnnWeights weights, BigramTable bigram, int startToken, List<int[]> sequences,
                          boolean withTiers) {
        Evaluation e = new Evaluation();
        CnnPredictor p = new CnnPredictor(weights, bigram, startToken, 0);
        for (int[] seq : sequences) {
            p.reset();
            for (int tok : seq) {
                p.predict();
                e.bits -= Math.log(p.probability(tok));
                int rank = p.ranking().rankOf(tok);
                e.top1 += rank < 1 ? 1 : 0;
                e.top16 += rank < 16 ? 1 : 0;
                e.top128 += rank < 128 ? 1 : 0;
                if (withTiers) {
                    int cnnTier = RankTier.ofRank(rank).ordinal();
                    int bigramTier = RankTier.ofRank(bigram.ranking(p.context()).rankOf(tok)).ordinal();
                    int top = p.topQ16();
                    for (int k = 0; k < THRESHOLDS.length; k++) {
                        e.tiers[k][top < THRESHOLDS[k] ? bigramTier : cnnTier]++;
                    }
                }
                p.update(tok, tok);
                e.samples++;
            }
        }
        e.bits /= Math.log(2);
        return e;
    }

    double bitsPerSample() {
        return bits / Math.max(1, samples);
    }

    double rate(long hits) {
        return hits / (double) Math.max(1, samples);
    }

    /** Bits a sample of the rank coder with threshold index k and a tier code fitted to it. */
    double rankBits(int k) {
        TierCode code = TierCode.fit(tiers[k]);
        int[] len = code.lengths();
        double total = 0;
        for (int t = 0; t < TierCode.TIERS; t++) {
            total += tiers[k][t] * (double) (len[t] + RankTier.values()[t].payloadBits);
        }
        return total / Math.max(1, samples);
    }
}
