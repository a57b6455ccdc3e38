package ephyzip.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The network's vector dot products give the scalar sums, the shipped layers' shape included. */
class DotTest {

    /** {@code acc[o] = sum_j wt[j][o] a[j] + sum_j wt[na + j][o] b[j]} in plain scalar loops. */
    private static int[] scalar(int[] wt, int stride, int[] a, int aOff, int na, int[] b, int bOff, int nb) {
        int[] acc = new int[stride];
        for (int o = 0; o < stride; o++) {
            for (int j = 0; j < na && a != null; j++) {
                acc[o] += wt[j * stride + o] * a[aOff + j];
            }
            for (int j = 0; j < nb; j++) {
                acc[o] += wt[(na + j) * stride + o] * b[bOff + j];
            }
        }
        return acc;
    }

    @Test
    void sumsMatchScalarLoopsForEveryShape() {
        assertTrue(Dot.VECTOR, "the tests run with jdk.incubator.vector");
        long seed = 29L;
        Random r = new Random(seed);
        int[][] shapes = {{16, 16, 16}, {2, 2, 16}, {16, 16, 32}, {3, 5, 7}, {16, 15, 16}, {1, 1, 80}};
        for (int[] shape : shapes) {
            int na = shape[0];
            int nb = shape[1];
            int stride = Dot.stride(shape[2]);
            for (int trial = 0; trial < 200; trial++) {
                int[] wt = new int[(na + nb) * stride];
                for (int k = 0; k < wt.length; k++) {
                    wt[k] = r.nextInt(4095) - 2047;
                }
                int[] ring = new int[4 * (na + nb) + 8];
                for (int k = 0; k < ring.length; k++) {
                    ring[k] = r.nextInt(3) == 0 ? 0 : r.nextInt(16383) - 8191;
                }
                int aOff = r.nextInt(na + 4);
                int bOff = r.nextInt(nb + 4);
                boolean older = trial % 5 != 0; // else the older tap is all zeros (null)
                int[] acc = new int[stride];
                Dot.sums(wt, stride, older ? ring : null, aOff, na, ring, bOff, nb, acc);
                assertArrayEquals(scalar(wt, stride, older ? ring : null, aOff, na, ring, bOff, nb), acc,
                        "seed " + seed + ", shape " + na + "+" + nb + " -> " + stride + ", trial " + trial);
            }
        }
    }

    @Test
    void eightChannelLayersGiveTheSumsActivated() {
        long seed = 31L;
        Random r = new Random(seed);
        int n = 8; // the shipped small network's two-tap layers
        int stride = Dot.stride(n);
        for (int trial = 0; trial < 500; trial++) {
            int[] wt = new int[2 * n * stride];
            for (int j = 0; j < 2 * n; j++) {
                for (int o = 0; o < n; o++) { // padding outputs keep weight 0, as CnnNet lays them out
                    wt[j * stride + o] = r.nextInt(4095) - 2047;
                }
            }
            int[] ring = new int[6 * n];
            for (int k = 0; k < ring.length; k++) {
                ring[k] = r.nextInt(3) == 0 ? 0 : r.nextInt(16383) - 8191;
            }
            int[] br = new int[Math.max(stride, 2 * n)];
            for (int o = 0; o < n; o++) {
                br[o] = r.nextInt(1 << 20) - (1 << 19);
            }
            int shift = 6 + r.nextInt(6);
            int lo = trial % 2 == 0 ? 0 : -(1 << 24);
            int hi = trial % 2 == 0 ? 1023 : 1 << 24;
            int aOff = r.nextInt(4 * n);
            int bOff = r.nextInt(4 * n);
            boolean older = trial % 5 != 0;
            int[] sums = scalar(wt, stride, older ? ring : null, aOff, n, ring, bOff, n);
            int[] want = new int[3 * n];
            int[] got = new int[3 * n];
            int off = r.nextInt(2 * n);
            for (int o = 0; o < n; o++) {
                want[off + o] = Math.min(hi, Math.max(lo, (sums[o] + br[o]) >> shift));
            }
            int[] acc = new int[stride];
            Dot.sums(wt, stride, older ? ring : null, aOff, n, ring, bOff, n, acc);
            Dot.activate(acc, br, shift, lo, hi, got, off, n);
            assertArrayEquals(want, got, "seed " + seed + ", trial " + trial);
        }
    }
}
