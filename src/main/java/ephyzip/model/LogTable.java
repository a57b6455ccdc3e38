package ephyzip.model;

/**
 * Natural logarithms in 1/256 nat as an exact function of an int: the position of the leading
 * bit times ln 2, plus a 256-entry table of the next 8 bits' mantissa (built with
 * {@link StrictMath}), so every machine gets the same values. Error within 2/256 nat.
 */
public final class LogTable {
    /** ln(1 + i/256) in 1/256 nat, i < 256. */
    private static final int[] MANTISSA = new int[256];
    /** ln 2 in 1/65536 nat: msb * ln 2 rounded once, not msb times. */
    private static final int LN2_16 = (int) Math.round(65536 * StrictMath.log(2));

    static {
        for (int i = 0; i < 256; i++) {
            MANTISSA[i] = (int) Math.round(256 * StrictMath.log(1 + i / 256.0));
        }
    }

    private LogTable() {
    }

    /** ln(f) in 1/256 nat, f >= 1. */
    public static int ln(int f) {
        int msb = 31 - Integer.numberOfLeadingZeros(f);
        // the 8 bits after the leading one, without a branch (small f would mispredict it)
        int mantissa = (int) (((long) f << 8) >>> msb) & 0xFF;
        return ((msb * LN2_16 + 128) >> 8) + MANTISSA[mantissa];
    }
}
