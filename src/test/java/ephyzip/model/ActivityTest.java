package ephyzip.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The activity features: their fixed points, their ranges, and that each follows its own time constant. */
class ActivityTest {
    @Test
    void quietChannelReadsMinusThree() {
        Activity a = new Activity();
        for (int i = 0; i < Activity.MAX; i++) {
            assertEquals(-3 << CnnWeights.ACT_BITS, a.feature(i), "log2(1 + 0) - 3, feature " + i);
        }
    }

    @Test
    void steadyStepsReachTheirLogarithm() {
        Activity a = new Activity();
        for (int t = 0; t < 200_000; t++) {
            a.update((t & 1) == 0 ? 7 : -7); // |step| 7: log2(8) - 3 = 0
        }
        for (int i = 0; i < Activity.MAX; i++) {
            assertTrue(Math.abs(a.feature(i)) <= 8, "feature " + i + " = " + a.feature(i) + ", want about 0");
        }
    }

    @Test
    void shortTimeConstantMovesFirst() {
        Activity a = new Activity();
        for (int t = 0; t < 64; t++) {
            a.update(100);
        }
        assertTrue(a.feature(0) > a.feature(1) && a.feature(1) > a.feature(2),
                a.feature(0) + " " + a.feature(1) + " " + a.feature(2));
        assertTrue(a.feature(0) < (7 << CnnWeights.ACT_BITS), "log2(101) - 3 is below 4: " + a.feature(0));
    }

    @Test
    void hugeStepsStayInRange() {
        Activity a = new Activity();
        for (int t = 0; t < 100_000; t++) {
            a.update(t % 2 == 0 ? 65535 : -65535);
        }
        for (int i = 0; i < Activity.MAX; i++) {
            assertTrue(a.feature(i) <= CnnWeights.MAX_ACT && a.feature(i) > 0, "feature " + i + " = " + a.feature(i));
        }
    }
}
