package ephyzip.predict;

import ephyzip.model.LogTable;
import java.util.Arrays;

/**
 * This channel's own histogram of step classes, as log-frequencies for {@link GeometricMixer}'s
 * third component (stream format 9, levels 7 to 9): what the recording does more or less often
 * than the fixed network and table expect. Counts start at {@link #INCREMENT} each, grow by it
 * with each coded class, and are all halved (rounding up, so none reaches 0) when their sum passes
 * {@link #LIMIT}: after the first halving, every 16,384 samples, so the past fades with
 * a half-life of about that. Both constants, and the weight's rate, were chosen on the 12
 * held-out tuning recordings and 120 training recordings (docs/results.md, "Levels 7 to 9").
 */
final class ClassHistogram {
    static final int INCREMENT = 32;
    static final int LIMIT = 1 << 20;
    private final int[] counts;
    /** ln of each count in 1/256 nat ({@link LogTable}): at most ln 2^20, about 3,550. */
    private final int[] ln;
    private int total;

    ClassHistogram(int classes) {
        this.counts = new int[classes];
        this.ln = new int[classes];
        reset();
    }

    void reset() {
        Arrays.fill(counts, INCREMENT);
        Arrays.fill(ln, LogTable.ln(INCREMENT));
        total = INCREMENT * counts.length;
    }

    /** ln of each class's count, 1/256 nat; changed only by {@link #update} and {@link #reset}. */
    int[] ln() {
        return ln;
    }

    /** Counts class {@code c}. */
    void update(int c) {
        counts[c] += INCREMENT;
        ln[c] = LogTable.ln(counts[c]);
        total += INCREMENT;
        if (total > LIMIT) {
            total = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = (counts[i] + 1) >> 1;
                ln[i] = LogTable.ln(counts[i]);
                total += counts[i];
            }
        }
    }
}
