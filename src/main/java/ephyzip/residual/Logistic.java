package ephyzip.residual;

/**
 * The logistic domain of the binary models: {@code stretch(p) = ln(p / (1 - p))} and its inverse
 * {@code squash}, on 12-bit probabilities and logits in 1/256, as integer tables built with
 * {@code StrictMath} (the same on every JVM).
 */
final class Logistic {
    /** Logits are clamped to +-LIMIT (in 1/256). */
    static final int LIMIT = 2047;
    private static final int[] SQUASH = new int[2 * LIMIT + 1];
    private static final short[] STRETCH = new short[4096];

    static {
        for (int i = -LIMIT; i <= LIMIT; i++) {
            double p = 4096.0 / (1.0 + StrictMath.exp(-i / 256.0));
            SQUASH[i + LIMIT] = (int) Math.max(1, Math.min(4095, StrictMath.floor(p + 0.5)));
        }
        for (int p = 0; p < 4096; p++) {
            double q = Math.max(0.5, Math.min(4095.5, p)) / 4096.0;
            double s = 256.0 * StrictMath.log(q / (1.0 - q));
            STRETCH[p] = (short) Math.max(-LIMIT, Math.min(LIMIT, StrictMath.floor(s + 0.5)));
        }
    }

    private Logistic() {
    }

    /** The 12-bit probability (1..4095) of logit {@code d} (1/256), clamped to +-LIMIT. */
    static int squash(int d) {
        if (d > LIMIT) {
            d = LIMIT;
        } else if (d < -LIMIT) {
            d = -LIMIT;
        }
        return SQUASH[d + LIMIT];
    }

    /** The logit (1/256) of the 12-bit probability {@code p} (0..4095). */
    static int stretch(int p) {
        return STRETCH[p];
    }
}
