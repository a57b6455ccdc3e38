package ephyzip.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Division by a precomputed reciprocal equals Java's division wherever the mixer uses it. */
class ReciprocalTest {
    @Property(tries = 20_000)
    void equalsDivisionInTheMixersRange(@ForAll @LongRange(min = 0, max = 1L << 38) long n,
                                        @ForAll @LongRange(min = 1, max = 1L << 23) long d) {
        assertEquals(n / d, Reciprocal.divide(n, Reciprocal.of(d)), n + " / " + d);
    }

    @Test
    void edgesOfTheBound() {
        long seed = 20261124;
        Random r = new Random(seed);
        for (int i = 0; i < 200_000; i++) {
            long d = 1 + (r.nextLong() >>> (33 + r.nextInt(31))); // 1 .. 2^31
            long max = Math.min((1L << 61) - 1, (1L << 62) / d - 1); // n < 2^61, n * d < 2^62
            long n = Math.min(max, (long) (r.nextDouble() * max));
            long nearMultiple = Math.max(0, n - n % d - 1); // remainder d - 1: the hardest case
            for (long x : new long[] {n, max, nearMultiple, Math.max(0, max - max % d - 1)}) {
                assertEquals(x / d, Reciprocal.divide(x, Reciprocal.of(d)), x + " / " + d + " (seed " + seed + ")");
            }
        }
    }
}
