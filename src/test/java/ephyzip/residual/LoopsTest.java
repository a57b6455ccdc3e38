package ephyzip.residual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The LMS stage's vector loop gives the scalar loop's bits, and its ring a shifted history's. */
class LoopsTest {

    @Test
    void vectorLoopMatchesScalarLoop() {
        assertTrue(Loops.VECTOR, "the tests run with jdk.incubator.vector");
        long seed = 20261129L;
        Random r = new Random(seed);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + r.nextInt(300);
            int[] h = new int[2 * n + 2];
            for (int i = 0; i < h.length; i++) {
                h[i] = r.nextInt(4) == 0 ? (r.nextBoolean() ? 32767 : -32768) : r.nextInt(65536) - 32768;
            }
            int[] w = new int[n];
            for (int i = 0; i < n; i++) {
                w[i] = r.nextInt(2 * Nlms.W_LIMIT + 1) - Nlms.W_LIMIT;
            }
            // steps from none to ones whose products wrap modulo 2^64
            long gm = switch (trial % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1 << 20) - (1 << 19);
                case 2 -> r.nextLong() >> 20;
                default -> r.nextLong();
            };
            int from = r.nextInt(n + 2);
            int to = r.nextInt(n + 2);
            int[] wv = w.clone();
            int[] ws = w.clone();
            long sv = VectorLoops.learnAndSum(wv, h, from, to, n, gm);
            long ss = Loops.learnAndSum(ws, h, from, to, 0, n, gm);
            String where = "seed " + seed + ", trial " + trial + ", n " + n;
            assertArrayEquals(ws, wv, where);
            assertEquals(ss, sv, where);
        }
    }

    /** The covariance's update gives the scalar loop's bits on every entry the scalar loop writes. */
    @Test
    void vectorCovarianceUpdateMatchesScalarLoop() {
        long seed = 11L;
        Random r = new Random(seed);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + r.nextInt(30);
            int stride = Loops.doubleStride(n);
            double[] h = new double[stride];
            for (int j = 0; j < n; j++) {
                h[j] = r.nextInt(65536) - 32768;
            }
            double l = 1 - r.nextDouble() * 1e-3;
            double[] c = new double[n * stride];
            for (int k = 0; k < c.length; k++) {
                c[k] = r.nextGaussian() * 1e12;
            }
            double[] scalar = c.clone();
            for (int i = 0; i < n; i++) {
                VectorLoops.decayAdd(c, i * stride, l, h[i], h, i, stride);
                for (int j = i; j < n; j++) {
                    scalar[i * stride + j] = l * scalar[i * stride + j] + h[i] * h[j];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    assertEquals(Double.doubleToRawLongBits(scalar[i * stride + j]),
                            Double.doubleToRawLongBits(c[i * stride + j]),
                            "seed " + seed + ", trial " + trial + ", n " + n + ", entry " + i + "," + j);
                }
            }
        }
    }

    /** The ring of the history predicts what a history shifted by a copy each sample predicts. */
    @Test
    void ringHistoryPredictsAsAShiftedOne() {
        long seed = 7L;
        Random r = new Random(seed);
        for (int n : new int[] {1, 5, 16, 32, 256}) {
            Nlms lms = new Nlms(n, 8);
            int[] hist = new int[n];
            int[] w = new int[n];
            long power = 0;
            int v = 0;
            for (int t = 0; t < 20_000; t++) {
                long s = 0;
                for (int i = 0; i < n; i++) {
                    s += (long) w[i] * hist[i];
                }
                int p = lms.predict();
                assertEquals((int) ((s + (1 << 23)) >> 24), p, "seed " + seed + ", n " + n + ", t " + t);
                v = t % 997 == 0 ? r.nextInt(80_000) - 40_000 : v + r.nextInt(2001) - 1000;
                int err = v - p;
                lms.update(err, v);
                long g = ((long) err << 26) / (power + 64);
                for (int i = 0; i < n; i++) {
                    long d = (g * hist[i] * 8 + (1 << 9)) >> 10;
                    w[i] = (int) Math.max(-Nlms.W_LIMIT, Math.min(Nlms.W_LIMIT, w[i] + d));
                }
                power -= (long) hist[n - 1] * hist[n - 1];
                System.arraycopy(hist, 0, hist, 1, n - 1);
                hist[0] = Math.max(-32768, Math.min(32767, v));
                power += (long) hist[0] * hist[0];
            }
        }
    }
}
