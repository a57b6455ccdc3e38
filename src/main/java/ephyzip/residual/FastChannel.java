package ephyzip.residual;

/**
 * One channel on the fast residual path (levels 1 to 3): each sample is predicted by its running
 * mean plus an {@link Lpc} on the samples less that mean (and, at variant 2, a {@link SignLms}
 * on the LPC's error), and the residual is coded under a {@link FastModel}: a few binary
 * decisions a sample, the low bits sent as they are. Several times faster than
 * {@link ResidualChannel}, for 1-5% more bits (16% on an ADC with uneven codes, which it does not
 * model). State carries from frame to frame.
 */
public final class FastChannel {
    /** Variants a stream may choose: 0 fastest, 2 smallest. */
    public static final int VARIANTS = 3;
    /** The variant when none is asked for: the smallest. */
    public static final int DEFAULT_VARIANT = 2;
    /** The running mean (DC), in 1/256, follows at 1/2^DC_RATE a sample. */
    static final int DC_RATE = 5;
    private final Lpc lpc = new Lpc();
    private final SignLms lms;
    private final FastModel model;
    private int dc;
    private int pLpc;
    private int pLms;

    /** A fresh channel of {@code variant} (0 to VARIANTS - 1). */
    public FastChannel(int variant) {
        if (variant < 0 || variant >= VARIANTS) {
            throw new IllegalArgumentException("fast-path variant " + variant);
        }
        lms = variant == 2 ? new SignLms() : null;
        model = new FastModel(variant, variant == 2);
    }

    private int predict() {
        pLpc = lpc.predict() + (dc >> 8);
        pLms = lms != null ? lms.predict() : 0;
        return Math.max(-32768, Math.min(32767, pLpc + pLms));
    }

    private void update(int x) {
        lpc.update(x - (dc >> 8));
        dc += ((x << 8) - dc) >> DC_RATE;
        if (lms != null) {
            int e = x - pLpc;
            lms.update(e - pLms, e);
        }
    }

    /** Codes sample {@code x}: decisions through {@code io}, plain bits through {@code raw}. */
    public void encode(BinaryBits io, RawBits raw, int x) {
        int p = predict();
        model.code(io, raw, x - p, p);
        update(x);
    }

    /** Decodes the next sample. */
    public int decode(BinaryBits io, RawBits raw) {
        int p = predict();
        // a damaged payload can decode to a value outside 16 bits: kept in range, the stream's CRC catches it
        int s = Math.max(-32768, Math.min(32767, p + model.code(io, raw, 0, p)));
        update(s);
        return s;
    }
}
