package ephyzip.predict;

import ephyzip.model.LogTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The geometric mixer's integer logarithm and its learning. */
class GeometricMixerTest {
    @Test
    void lnIsCloseToTheTrueLogarithm() {
        for (int f = 1; f <= 1 << 22; f += 1 + f / 1000) {
            double exact = 256 * Math.log(f);
            int got = LogTable.ln(f);
            // the table's rounding (1/2) and the bits below the mantissa (up to ln(1 + 1/256))
            assertTrue(got <= exact + 1 && got >= exact - 2, "ln(" + f + ") = " + got + ", want about " + exact);
        }
        assertEquals(0, LogTable.ln(1));
    }

    @Test
    void mixedTableIsValidAndLearnsTowardsTheBetterComponent() {
        long seed = 7;
        Random r = new Random(seed);
        int classes = 9;
        GeometricMixer m = new GeometricMixer(classes, true, true);
        m.reset();
        int[] logits = new int[classes];
        short[] lnBigram = new short[classes];
        double early = 0;
        double late = 0;
        for (int t = 0; t < 40_000; t++) {
            int x = r.nextInt(4) == 0 ? r.nextInt(classes) : 3; // class 3 most of the time
            for (int c = 0; c < classes; c++) {
                logits[c] = c == 3 ? 600 : 0; // the network knows it
                lnBigram[c] = (short) LogTable.ln(1000); // the bigram does not
            }
            m.mix(0, classes - 1, logits, lnBigram, 0, 1000);
            int[] cum = m.cumulative();
            for (int c = 0; c < classes; c++) {
                assertTrue(cum[c + 1] > cum[c], "every valid class has a frequency (seed " + seed + ")");
            }
            double bits = -Math.log((cum[x + 1] - cum[x]) / (double) cum[classes]) / Math.log(2);
            if (t < 2000) {
                early += bits;
            } else if (t >= 38_000) {
                late += bits;
            }
            m.update(x);
        }
        assertTrue(late < early, "learning lowers the cost: " + early / 2000 + " -> " + late / 2000 + " (seed " + seed + ")");
    }
}
