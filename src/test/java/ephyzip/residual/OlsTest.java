package ephyzip.residual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The least squares predicts, bit for bit, what 0.5.0's row-by-row scalar one predicted. */
class OlsTest {

    @Test
    void predictsAsTheRowByRowSolve() {
        long seed = 5L;
        Random r = new Random(seed);
        int[][] shapes = {{8, 0, 1}, {16, 0, 1}, {16, 6, 1}, {16, 3, 0}, {8, 2, 0}, {1, 0, 0}, {5, 17, 1}};
        for (int[] shape : shapes) {
            int order = shape[0];
            int extra = shape[1];
            boolean constant = shape[2] == 1;
            for (int interval : new int[] {1, 8, 32}) {
                Ols ols = new Ols(order, extra, constant, 0.9998, 1e-6, interval);
                ReferenceOls ref = new ReferenceOls(order, extra, constant, 0.9998, 1e-6, interval);
                double v = 0;
                for (int t = 0; t < 5000; t++) {
                    for (int e = 0; e < extra; e++) {
                        // some inputs copy others or stay zero: covariances that are not positive definite
                        int x = e % 3 == 2 ? 0 : (int) (v * (e + 1) / 3) + r.nextInt(50);
                        ols.extra(e, x);
                        ref.extra(e, x);
                    }
                    String where = "seed " + seed + ", order " + order + ", extra " + extra + ", interval " + interval
                            + ", t " + t;
                    assertEquals(Double.doubleToRawLongBits(ref.predict()), Double.doubleToRawLongBits(ols.predict()),
                            where);
                    v = t % 1000 < 20 ? 0 : 0.97 * v + r.nextGaussian() * 300;
                    int x = (int) Math.max(-32768, Math.min(32767, Math.round(v)));
                    ols.update(x);
                    ref.update(x);
                }
            }
        }
    }
}
