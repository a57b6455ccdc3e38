package ephyzip.predict;

import ephyzip.model.BigramTable;

/**
 * The network's step classes after a token {@code prev}: class c is the token
 * {@code prev + c - band}, valid for {@code lo <= c < hi}, and the last class, {@code 2 band},
 * is "other" (every token outside the band). The predictor and the trainer that fits for it
 * both read them here, so that they cannot drift apart.
 */
public final class StepBand {
    private StepBand() {
    }

    /** The first class that names a token. */
    public static int lo(int prev, int band) {
        return Math.max(0, band - prev);
    }

    /** One past the last class that names a token ({@code size}: the alphabet's). */
    public static int hi(int prev, int band, int size) {
        return Math.min(2 * band, size - prev + band);
    }

    /** The bigram table's frequency of the tokens outside {@code lo..hi-1} after {@code prev}, >= 1. */
    public static int otherFrequency(BigramTable bigram, int prev, int band, int lo, int hi) {
        var bt = bigram.frequencies(prev);
        return BigramTable.TOTAL - (bt.low(prev + hi - band) - bt.low(prev + lo - band));
    }
}
