package ephyzip.residual;

import ephyzip.coding.BinaryDecoder;
import ephyzip.coding.BinaryEncoder;

/**
 * The side of the binary coder a residual channel codes through: an encoder, a decoder, or a
 * cost counter that codes nothing (the encoder's trials).
 */
public abstract class BinaryBits {
    BinaryBits() {
    }

    /** Codes {@code bit} (encoder) or returns the decoded bit (decoder, which ignores the argument). */
    public abstract int bit(int bit, int p1);

    public static BinaryBits of(BinaryEncoder enc) {
        return new BinaryBits() {
            @Override
            public int bit(int bit, int p1) {
                enc.encode(bit, p1);
                return bit;
            }
        };
    }

    public static BinaryBits of(BinaryDecoder dec) {
        return new BinaryBits() {
            @Override
            public int bit(int bit, int p1) {
                return dec.decode(p1);
            }
        };
    }

    /** Counts what each bit would cost, in 1/256 bit, without coding it. */
    public static final class Cost extends BinaryBits {
        /** COST[q] = -log2(q / 4096) in 1/256 bit, q = 1..4096 ({@code StrictMath}: the same choice everywhere). */
        private static final int[] COST = new int[4097];

        static {
            for (int q = 1; q <= 4096; q++) {
                COST[q] = (int) StrictMath.floor(-256.0 * StrictMath.log(q / 4096.0) / StrictMath.log(2.0) + 0.5);
            }
            COST[0] = COST[1];
        }

        private long total;

        @Override
        public int bit(int bit, int p1) {
            total += COST[(bit != 0 ? p1 : 65536 - p1) >>> 4];
            return bit;
        }

        /** What the bits so far would cost, in 1/256 bit. */
        public long total() {
            return total;
        }
    }
}
