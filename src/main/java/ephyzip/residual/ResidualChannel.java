package ephyzip.residual;

import ephyzip.coding.BinaryDecoder;
import ephyzip.coding.BinaryEncoder;

/**
 * One channel on the residual path: each sample is predicted by a {@link Cascade} (least squares,
 * then two LMS stages on its error) and the residual is coded under a {@link ResidualModel}. State
 * carries from frame to frame; a fresh channel is what both sides start from.
 *
 * <p>The constants were chosen on the external recordings (see docs/results.md): the OLS order 16
 * and forgetting 0.9998 with ridge 1e-6 of the mean variance, solved every 8 samples; LMS stages of 32
 * and 16 taps at step 4/256; counters slowing to 1/1000; mixer rate 3/16384.
 */
public final class ResidualChannel {
    static final int OLS_ORDER = 16;
    static final int OLS_INTERVAL = 8;
    static final int LMS1 = 32;
    static final int LMS2 = 16;
    static final int COUNTER_LIMIT = 1000;
    static final int MIXER_RATE = 3;

    /** The predictor settings a stream may choose: slow and steady (0) or quick to follow (1). */
    public static final int PRESETS = 2;
    private static final double[] LAMBDA = {0.9998, 0.999};
    private static final double[] NU = {0.000001, 0.00000001};
    private static final int[] MU = {4, 8};

    private final Cascade cascade;
    private final ResidualModel model = new ResidualModel(COUNTER_LIMIT, MIXER_RATE);
    private int previous;

    /** A fresh channel with predictor preset {@code preset} (0 to PRESETS - 1). */
    public ResidualChannel(int preset) {
        cascade = new Cascade(new Ols(OLS_ORDER, LAMBDA[preset], NU[preset], OLS_INTERVAL),
                new Nlms(LMS1, MU[preset]), new Nlms(LMS2, MU[preset]));
    }

    /** The bytes {@code x} codes to on a fresh channel with {@code preset}, flush included. */
    public static long codedBytes(short[] x, int preset) {
        BinaryEncoder enc = new BinaryEncoder();
        new ResidualChannel(preset).encode(enc, x, x.length);
        return enc.finish().length;
    }

    /** Codes {@code x[0..n)} into {@code enc}. */
    public void encode(BinaryEncoder enc, short[] x, int n) {
        Bits io = (bit, p) -> {
            enc.encode(bit, p);
            return bit;
        };
        for (int i = 0; i < n; i++) {
            int s = x[i];
            int p = cascade.predict();
            model.code(io, s - p, p);
            cascade.update(s);
            previous = s;
        }
    }

    /** Decodes {@code n} samples from {@code dec} into {@code out[0..n)}. */
    public void decode(BinaryDecoder dec, short[] out, int n) {
        Bits io = (bit, p) -> dec.decode(p);
        for (int i = 0; i < n; i++) {
            int p = cascade.predict();
            int s = p + model.code(io, 0, p);
            // a damaged payload can decode to a value outside 16 bits: kept in range, the stream's CRC catches it
            s = Math.max(-32768, Math.min(32767, s));
            out[i] = (short) s;
            cascade.update(s);
            previous = s;
        }
    }
}
