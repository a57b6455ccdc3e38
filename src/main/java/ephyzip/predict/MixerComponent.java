package ephyzip.predict;

/** The parts a network model's predictor mixes, in the mixer's order (for ablations). */
public enum MixerComponent {
    /** The network's distribution of the next step. */
    NETWORK,
    /** The model's bigram table, given the newest token. */
    BIGRAM,
    /** This recording's own histogram of steps. */
    HISTOGRAM,
    /** That histogram conditioned on the previous step. */
    CONDITIONED_HISTOGRAM
}
