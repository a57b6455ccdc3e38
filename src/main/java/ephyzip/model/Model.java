package ephyzip.model;

import ephyzip.coding.TierCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything both sides of the codec must share: the alphabet, the bigram table, the rank
 * coder's tier code, and a card (metadata: what it was trained on, how it scored). Identified by
 * the fingerprint of its file bytes, which every stream records.
 */
public final class Model {
    private final Alphabet alphabet;
    private final BigramTable bigram;
    private final TierCode tierCode;
    private final Map<String, String> card;
    private final CnnWeights cnn;
    private final int thresholdQ16;

    /** A bigram model. */
    public Model(Alphabet alphabet, BigramTable bigram, TierCode tierCode, Map<String, String> card) {
        this(alphabet, bigram, tierCode, card, null, 0);
    }

    /**
     * A network model when {@code cnn} is not null; the bigram table is its fallback and
     * {@code thresholdQ16} (in 1/65536) the top-class probability below which its rank coder
     * falls back to bigram ranks.
     */
    public Model(Alphabet alphabet, BigramTable bigram, TierCode tierCode, Map<String, String> card,
                 CnnWeights cnn, int thresholdQ16) {
        if (bigram.size() != alphabet.size()) {
            throw new IllegalArgumentException("bigram table and alphabet differ in size");
        }
        this.alphabet = alphabet;
        this.bigram = bigram;
        this.tierCode = tierCode;
        this.card = Collections.unmodifiableMap(new LinkedHashMap<>(card));
        this.cnn = cnn;
        this.thresholdQ16 = thresholdQ16;
    }

    public ModelKind kind() {
        return cnn == null ? ModelKind.BIGRAM : ModelKind.CNN;
    }

    /** The network, or null for a bigram model. */
    public CnnWeights cnn() {
        return cnn;
    }

    public int thresholdQ16() {
        return thresholdQ16;
    }

    /** This model's tables with another network. */
    public Model withCnn(CnnWeights network) {
        return new Model(alphabet, bigram, tierCode, card, network, thresholdQ16);
    }

    /** This model with another card, tier code and threshold (same tables). */
    public Model with(TierCode code, Map<String, String> newCard, int newThresholdQ16) {
        return new Model(alphabet, bigram, code, newCard, cnn, newThresholdQ16);
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    public BigramTable bigram() {
        return bigram;
    }

    public TierCode tierCode() {
        return tierCode;
    }

    public Map<String, String> card() {
        return card;
    }
}
