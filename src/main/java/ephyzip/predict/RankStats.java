package ephyzip.predict;

import ephyzip.coding.ArithmeticDecoder;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.coding.RankTier;
import ephyzip.coding.Ranking;
import ephyzip.io.CorruptStreamException;

/**
 * Counts what the rank coder asks of predictors: the histogram of ranks (up to {@link #RANKS}),
 * the tiers, and how often a network predictor fell back to the bigram ranking. One instance
 * serves every channel of a recording ({@link #wrap} each channel's predictor). Escapes are not
 * ranked, so they are the samples less {@link #ranked}. For measurements only; the predictions
 * pass through unchanged.
 */
public final class RankStats {
    public static final int RANKS = 256;

    public final long[] rankHistogram = new long[RANKS + 1];
    public final long[] tiers = new long[RankTier.values().length];
    public long fallbacks;
    public long ranked;

    /** {@code inner}, counted into these statistics. */
    public ModelPredictor wrap(ModelPredictor inner) {
        return new Counting(inner);
    }

    private final class Counting implements ModelPredictor, Ranking {
        private final ModelPredictor inner;
        private Ranking ranking;

        Counting(ModelPredictor inner) {
            this.inner = inner;
        }

        @Override
        public int alphabetSize() {
            return inner.alphabetSize();
        }

        @Override
        public void reset() {
            inner.reset();
        }

        @Override
        public void predict() {
            inner.predict();
        }

        @Override
        public Ranking ranking() {
            if (inner instanceof CnnPredictor c && c.unsure()) {
                fallbacks++;
            }
            ranking = inner.ranking();
            return this;
        }

        @Override
        public int rankOf(int token) {
            int rank = ranking.rankOf(token);
            ranked++;
            rankHistogram[Math.min(rank, RANKS)]++;
            tiers[RankTier.ofRank(rank).ordinal()]++;
            return rank;
        }

        @Override
        public int tokenAt(int rank) {
            return ranking.tokenAt(rank);
        }

        @Override
        public void update(int symbol, int token) {
            inner.update(symbol, token);
        }

        @Override
        public void encode(ArithmeticEncoder enc, int symbol) {
            inner.encode(enc, symbol);
        }

        @Override
        public int decode(ArithmeticDecoder dec) throws CorruptStreamException {
            return inner.decode(dec);
        }

        @Override
        public double probability(int symbol) {
            return inner.probability(symbol);
        }
    }
}
