package ephyzip.model;

/** What predicts in a model; {@link #label} is how model files, cards and reports name it. */
public enum ModelKind {
    /** The bigram table alone. */
    BIGRAM("bigram"),
    /** The network, mixed with the bigram table and the recording's own statistics. */
    CNN("cnn");

    public final String label;

    ModelKind(String label) {
        this.label = label;
    }

    /** The kind named {@code label}, or null. */
    public static ModelKind ofLabel(String label) {
        for (ModelKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
