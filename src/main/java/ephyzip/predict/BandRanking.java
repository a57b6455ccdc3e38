package ephyzip.predict;

import ephyzip.coding.Ranking;
import ephyzip.model.CnnWeights;

/**
 * The rank coder's ranking when the network is sure: the band's tokens by mixed weight (ties: the
 * lower token first), then every other token in the bigram table's order. One instance per
 * predictor, reset by each prediction; the band's order is found only when a rank is decoded,
 * and only as far as that rank.
 */
final class BandRanking implements Ranking {
    private final CnnWeights weights;
    private final int band;
    private final int other;
    private final int size;
    /** Scratch: the band's best {@link #kept} classes in rank order. */
    private final int[] order;
    private Ranking fallback;
    private int prev;
    private int[] rankWeight;
    /** How many of the band's best classes {@link #order} holds for this prediction (0: none yet). */
    private int kept;

    BandRanking(CnnWeights weights, int size) {
        this.weights = weights;
        this.band = weights.band();
        this.other = 2 * band;
        this.size = size;
        this.order = new int[weights.classes()];
    }

    /** For the sample after {@code prev}: {@code rankWeight[c]} the mixed weight of class c (0: no token). */
    void reset(Ranking bigramRanking, int prev, int[] rankWeight) {
        this.fallback = bigramRanking;
        this.prev = prev;
        this.rankWeight = rankWeight;
        this.kept = 0;
    }

    private boolean inBand(int token) {
        int c = weights.classOf(token, prev);
        return c != other && rankWeight[c] > 0;
    }

    private int bandCount() {
        int n = 0;
        for (int c = 0; c < other; c++) {
            n += rankWeight[c] > 0 ? 1 : 0;
        }
        return n;
    }

    @Override
    public int rankOf(int token) {
        if (inBand(token)) {
            int c = token - prev + band;
            int r = 0;
            for (int j = 0; j < other; j++) {
                if (rankWeight[j] > rankWeight[c] || (rankWeight[j] == rankWeight[c] && j < c && rankWeight[j] > 0)) {
                    r++;
                }
            }
            return r;
        }
        int br = fallback.rankOf(token);
        int before = 0;
        for (int c = 0; c < other; c++) {
            if (rankWeight[c] > 0 && fallback.rankOf(prev + c - band) < br) {
                before++;
            }
        }
        return bandCount() + br - before;
    }

    /**
     * The band's best {@code keep} classes into {@link #order}, weight descending, then class
     * ascending: an insertion sort that keeps only the first {@code keep}. A decoded rank is
     * mostly small (the top tiers), so this is one pass over the band where sorting all of it
     * took a quadratic number of moves (the rank coder decoded at a quarter of its encoder's speed).
     */
    private void keepBest(int keep) {
        int len = 0;
        for (int c = 0; c < other; c++) {
            int w = rankWeight[c];
            if (w <= 0 || len == keep && w <= rankWeight[order[len - 1]]) {
                continue; // no token, or not before the last kept one (a tie goes to the lower class, kept first)
            }
            int j = len < keep ? len++ : len - 1; // a full list drops its last
            while (j > 0 && w > rankWeight[order[j - 1]]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = c;
        }
        kept = keep;
    }

    @Override
    public int tokenAt(int rank) {
        int n = bandCount();
        if (rank < n) {
            if (rank >= kept) {
                keepBest(rank + 1);
            }
            return prev + order[rank] - band;
        }
        int left = rank - n;
        for (int r = 0; r < size; r++) {
            int token = fallback.tokenAt(r);
            if (!inBand(token) && left-- == 0) {
                return token;
            }
        }
        return size; // no such rank: the caller reports the stream as corrupt
    }
}
