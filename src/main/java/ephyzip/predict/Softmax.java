package ephyzip.predict;

import ephyzip.model.CnnWeights;

/**
 * Integer softmax: a logit {@code z} below the largest one {@code m} gets the weight
 * {@code EXP[m - z]}, about {@code 2^16 exp(-(m - z)/256)}, never below 1. The table is built
 * with {@link StrictMath}, which gives the same bits on every machine.
 */
final class Softmax {
    static final int ONE = 1 << 16;
    private static final int[] EXP = new int[12 << CnnWeights.ACT_BITS];

    static {
        for (int i = 0; i < EXP.length; i++) {
            EXP[i] = (int) Math.max(1, Math.round(ONE * StrictMath.exp(-i / (double) (1 << CnnWeights.ACT_BITS))));
        }
    }

    private Softmax() {
    }

    static {
        if (EXP[EXP.length - 1] != 1) {
            throw new AssertionError("the softmax table must end at 1");
        }
    }

    static int weight(int max, int logit) {
        return EXP[Math.min(max - logit, EXP.length - 1)]; // the last entry is 1, as is all beyond it
    }
}
