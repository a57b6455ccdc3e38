package ephyzip.predict;

/**
 * How a {@link CnnPredictor} mixes the network's step distribution with the bigram table into the
 * distribution the coders read: one implementation per stream format ({@link GeometricMix} for
 * format 4 and later, {@link LinearMix} for formats 2 and 3). Per sample: {@link #mix}, code a
 * class with {@link #cumulative()}, then {@link #update}.
 */
interface CnnMix {
    /** The mixed cumulative frequencies over the classes, updated in place by {@link #mix}. */
    int[] cumulative();

    /** Back to a fresh channel's state. */
    void reset();

    /**
     * Mixes for the sample after token {@code prev}: classes {@code lo..hi-1} of the band name a
     * token, class {@code other} stands for every token outside it. {@code logits}: the network's
     * (all zero when it is left out).
     */
    void mix(int[] logits, int prev, int lo, int hi);

    /** Learns from the class {@code c} that was coded, the token being {@code token} after {@code prev}. */
    void update(int c, int token, int prev);
}
