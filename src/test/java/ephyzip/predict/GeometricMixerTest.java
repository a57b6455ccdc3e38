package ephyzip.predict;

import ephyzip.model.LogTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The geometric mixer's integer logarithm and its learning. */
class GeometricMixerTest {
    /**
     * The mixer (vector lanes where it can prove no int wraps) against the format's arithmetic
     * written plainly in longs: the same table and the same learned weights at every step, with
     * logits small, large enough to leave the int fast paths (|a| >= 2^15), and at the clamp.
     */
    @Test
    void sameTablesAsThePlainLongArithmetic() {
        long seed = 20261124;
        Random r = new Random(seed);
        int classes = 65;
        int other = classes - 1;
        GeometricMixer m = new GeometricMixer(classes, true, true);
        m.reset();
        long w0 = 1 << 15;
        long w1 = 39322;
        int[] logits = new int[classes];
        short[] ln = new short[classes + 40];
        for (int t = 0; t < 20_000; t++) {
            int scale = new int[] {1 << 10, 1 << 13, 1 << 16, 1 << 24}[r.nextInt(4)];
            for (int c = 0; c < classes; c++) {
                logits[c] = Math.max(-(1 << 24), Math.min(1 << 24, r.nextInt(2 * scale + 1) - scale));
            }
            for (int k = 0; k < ln.length; k++) {
                ln[k] = (short) LogTable.ln(1 + r.nextInt(1 << 20));
            }
            int lo = r.nextInt(5) == 0 ? r.nextInt(40) : 0;
            int hi = r.nextInt(5) == 0 ? lo + r.nextInt(other - lo + 1) : other;
            int off = r.nextInt(40);
            int otherFreq = 1 + r.nextInt(1 << 20);
            m.mix(lo, hi, logits, ln, off, otherFreq);
            // the reference
            long[] score = new long[classes];
            long max = Long.MIN_VALUE;
            for (int c = lo; c < hi; c++) {
                score[c] = (w0 * logits[c] + w1 * ln[off + c]) >> 16;
                max = Math.max(max, score[c]);
            }
            int bo = LogTable.ln(otherFreq);
            score[other] = (w0 * logits[other] + w1 * bo) >> 16;
            max = Math.max(max, score[other]);
            int[] cum = new int[classes + 1];
            long sumA = 0;
            long sumB = 0;
            int running = 0;
            for (int c = 0; c <= other; c++) {
                boolean valid = c == other || c >= lo && c < hi;
                int f = valid ? Softmax.weight((int) max, (int) score[c]) : 0;
                sumA += (long) f * logits[c];
                sumB += (long) f * (c == other ? bo : valid ? ln[off + c] : 0);
                running += f;
                cum[c + 1] = running;
            }
            int[] got = m.cumulative();
            for (int c = 0; c <= classes; c++) {
                if (got[c] != cum[c]) {
                    assertEquals(cum[c], got[c], "cum[" + c + "] at step " + t + " (seed " + seed + ")");
                }
            }
            int x = r.nextInt(4) == 0 ? other : lo + r.nextInt(Math.max(1, hi - lo));
            if (x >= hi) {
                x = other;
            }
            m.update(x);
            long total = cum[classes];
            long bx = x == other ? bo : ln[off + x];
            w0 = Math.max(0, Math.min(4L << 16, w0 + (((total * logits[x] - sumA) / total + 2) >> 2)));
            w1 = Math.max(0, Math.min(4L << 16, w1 + (((total * bx - sumB) / total + 2) >> 2)));
        }
    }

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

    /**
     * Format 9's third component: where the network and the table say nothing (flat), the
     * channel's own histogram finds a class that comes 70% of the time; without it the mix
     * stays near uniform. Counted in bits, as the arithmetic coder pays them.
     */
    @Test
    void theClassHistogramLearnsWhatTheOtherComponentsDoNotKnow() {
        long seed = 20261130;
        Random r = new Random(seed);
        int classes = 65;
        int other = classes - 1;
        GeometricMixer plain = new GeometricMixer(classes, true, true);
        GeometricMixer histogram = new GeometricMixer(classes, true, true, true);
        plain.reset();
        histogram.reset();
        int[] logits = new int[classes];
        short[] ln = new short[classes];
        java.util.Arrays.fill(ln, (short) LogTable.ln(100));
        double bitsPlain = 0;
        double bitsHistogram = 0;
        for (int t = 0; t < 20_000; t++) {
            int x = r.nextInt(10) < 7 ? 30 : r.nextInt(classes);
            plain.mix(0, other, logits, ln, 0, 100);
            histogram.mix(0, other, logits, ln, 0, 100);
            bitsPlain += bits(plain.cumulative(), x, other);
            bitsHistogram += bits(histogram.cumulative(), x, other);
            plain.update(x);
            histogram.update(x);
        }
        assertTrue(bitsPlain > 20_000 * 5.9, "flat components: about log2(65) bits, " + bitsPlain / 20_000
                + " (seed " + seed + ")");
        assertTrue(bitsHistogram < 20_000 * 3.0, "the histogram learns the 70% class (entropy 2.64 bits): " + bitsHistogram / 20_000
                + " bits a sample (seed " + seed + ")");
    }

    private static double bits(int[] cum, int x, int other) {
        return -Math.log((cum[x + 1] - cum[x]) / (double) cum[other + 1]) / Math.log(2);
    }
}
