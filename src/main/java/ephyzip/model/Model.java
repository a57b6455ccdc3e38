package ephyzip.model;

import ephyzip.coding.TierCode;
import ephyzip.predict.BigramPredictor;
import ephyzip.predict.Predictor;
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

    public Model(Alphabet alphabet, BigramTable bigram, TierCode tierCode, Map<String, String> card) {
        if (bigram.size() != alphabet.size()) {
            throw new IllegalArgumentException("bigram table and alphabet differ in size");
        }
        this.alphabet = alphabet;
        this.bigram = bigram;
        this.tierCode = tierCode;
        this.card = Collections.unmodifiableMap(new LinkedHashMap<>(card));
    }

    public String kind() {
        return "bigram";
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

    /** A fresh predictor for one recording. */
    public Predictor newPredictor() {
        return new BigramPredictor(bigram, alphabet.nearest(0));
    }
}
