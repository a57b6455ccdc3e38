package ephyzip.predict;

/**
 * Guards the per-sample protocol of {@link Predictor}: an update without a prediction, or two
 * predictions for one sample, is a programming error that would make the two sides diverge.
 */
final class ProtocolCheck {
    private boolean predicted;

    void reset() {
        predicted = false;
    }

    void predicted() {
        if (predicted) {
            throw new IllegalStateException("predict() called twice for one sample");
        }
        predicted = true;
    }

    void updated() {
        if (!predicted) {
            throw new IllegalStateException("update() without predict() for this sample");
        }
        predicted = false;
    }
}
