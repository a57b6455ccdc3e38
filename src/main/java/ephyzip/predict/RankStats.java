package ephyzip.predict;

import ephyzip.coding.ArithmeticDecoder;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.coding.RankTier;
import ephyzip.stream.CorruptStreamException;

/**
 * Wraps a predictor and counts what the rank coder asks of it: the histogram of ranks (up to
 * {@link #RANKS}), the tiers, and how often a network predictor fell back to the bigram ranking.
 * Escapes are not ranked, so they are the samples less {@link #ranked}.
 * For measurements only; the predictions pass through unchanged.
 */
public final class RankStats implements Predictor {
    public static final int RANKS = 256;

    private final Predictor inner;
    public final long[] rankHistogram = new long[RANKS + 1];
    public final long[] tiers = new long[RankTier.values().length];
    public long fallbacks;
    public long ranked;

    public RankStats(Predictor inner) {
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
    public Ranking ranking() {
        if (inner instanceof CnnPredictor c && c.unsure()) {
            fallbacks++;
        }
        Ranking r = inner.ranking();
        return new Ranking() {
            @Override
            public int rankOf(int token) {
                int rank = r.rankOf(token);
                ranked++;
                rankHistogram[Math.min(rank, RANKS)]++;
                tiers[RankTier.ofRank(rank).ordinal()]++;
                return rank;
            }

            @Override
            public int tokenAt(int rank) {
                return r.tokenAt(rank);
            }
        };
    }

    @Override
    public void update(int token) {
        inner.update(token);
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
