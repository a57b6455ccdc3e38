package ephyzip.residual;


/**
 * One channel on the residual path: each sample is predicted by a {@link Cascade} (least squares,
 * then two LMS stages on its error) and the residual is coded under a {@link ResidualModel}. State
 * carries from frame to frame; a fresh channel is what both sides start from.
 *
 * <p>The constants were chosen on the six external sources (docs/results.md): least squares of
 * order 16, solved every 8 samples (order 8, every 32, for presets 6 to 11), forgetting 0.99995 / 0.9998 / 0.999 with ridges 1e-6 / 1e-6 /
 * 1e-8 of the mean variance (presets 0 to 2); LMS stages of 32 and 16 taps at steps 1 / 3 / 8 in
 * 1/256; counters slowing to 1/1000; mixer rate 1/16384.
 */
public final class ResidualChannel {
    static final int OLS_ORDER = 16;
    static final int OLS_INTERVAL = 8;
    static final int LMS1 = 32;
    static final int LMS2 = 16;
    static final int COUNTER_LIMIT = 1000;
    static final int MIXER_RATE = 1;

    /**
     * The predictor settings a stream may choose: three bases, slow and steady (0) to quick to
     * follow (2), as presets 0 to 2 (format 5), 3 to 5 (a long LMS stage), 6 to 8 (a lighter
     * least squares) and 9 to 11 (that, and the octave asked from the recent scale's).
     */
    public static final int PRESETS = 12;
    /**
     * Presets 3 to 5 are presets 0 to 2 with a long LMS stage between the least squares and the
     * two short stages (level 9, stream format 8): as sac's cascade has, it follows structure
     * longer than the least squares' 16 samples (a probe on one file of each external source:
     * 0.01% to 0.24% fewer bits, harris-tetrode none, at about half the speed). Its step, 1/256,
     * was the better of 1 and 2 on those files.
     */
    public static final int LONG_PRESETS = 3;
    static final int LONG_LMS = 256;
    static final int LONG_MU = 1;
    /**
     * Presets 6 to 8 (and 9 to 11, below), written by 0.5.0's first default for a channel that
     * reads no other channel: presets 0 to 2 with the least squares on the last 8 samples instead of 16,
     * solved every 32 samples instead of 8. On the 30 external WAV files that decodes 1.57 times
     * as fast (2.29 M against 1.46 M samples a second warm on one core) for 0.03% more bytes
     * (payload ratio 2.1903 against 2.1910; whitematter 0.25%, the others within 0.04%): the
     * least squares changes slowly once it has settled, and the LMS stages follow what the shorter
     * history leaves. A channel that reads others keeps presets 0 to 2: with the lighter least
     * squares the second channel of a 2-channel Neuralynx file coded 4% larger.
     */
    public static final int LIGHT_PRESETS = 6;
    /**
     * Presets 9 to 11, what levels 4 to 8 give a channel that reads no other channel: presets 6
     * to 8, with the residual's octave asked first "at least one above the recent scale's?" and
     * then in unary up or down, instead of in unary from 0 (2.8 decisions a sample instead of 6
     * on the external recordings, and 0.03% to 0.16% fewer bytes on each of the six sources).
     */
    public static final int SCALE_PRESETS = 9;
    static final int LIGHT_ORDER = 8;
    static final int LIGHT_INTERVAL = 32;
    private static final int BASES = 3;
    private static final double[] LAMBDA = {0.99995, 0.9998, 0.999};
    private static final double[] NU = {0.000001, 0.000001, 0.00000001};
    private static final int[] MU = {1, 3, 8};
    private static final boolean[] CONSTANT = {true, true, false};

    /** At most this many channels coded before at the same time step feed a channel's prediction. */
    public static final int MAX_CROSS = 3;

    private final Cascade cascade;
    private final Ols ols;
    private final ResidualModel model;

    /**
     * A fresh channel with predictor preset {@code preset} (0 to PRESETS - 1) whose prediction also
     * reads {@code cross} (0 to MAX_CROSS) other channels at the same time step: the sample each
     * had and its residual (the part its own prediction missed: common noise shows there).
     */
    public ResidualChannel(int preset, int cross) {
        this(preset, cross, 0);
    }

    /**
     * As {@link #ResidualChannel(int, int)}, and when {@code period} > 0 (MIN_PERIOD to MAX_PERIOD)
     * also a template of the channel's mean over past periods at this phase (and one either side):
     * interference that repeats, such as mains hum and its harmonics, averaged out of the noise
     * (one sample a period back carries too much noise to predict with: measured on abf-kim,
     * 0.1% against 0.5%).
     */
    public ResidualChannel(int preset, int cross, int period) {
        this.cross = cross;
        this.period = period;
        int b = preset % BASES;
        boolean light = preset >= LIGHT_PRESETS;
        ols = new Ols(light ? LIGHT_ORDER : OLS_ORDER, 2 * cross + (period > 0 ? 3 : 0), CONSTANT[b], LAMBDA[b], NU[b],
                light ? LIGHT_INTERVAL : OLS_INTERVAL);
        cascade = preset >= LONG_PRESETS && !light
                ? new Cascade(ols, new Nlms(LONG_LMS, LONG_MU), new Nlms(LMS1, MU[b]), new Nlms(LMS2, MU[b]))
                : new Cascade(ols, new Nlms(LMS1, MU[b]), new Nlms(LMS2, MU[b]));
        template = period > 0 ? new int[period] : null;
        model = new ResidualModel(COUNTER_LIMIT, MIXER_RATE, preset >= SCALE_PRESETS);
    }

    /** A channel that reads no other channel. */
    public ResidualChannel(int preset) {
        this(preset, 0, 0);
    }

    /** Shortest and longest period (samples) the long-term inputs may have. */
    public static final int MIN_PERIOD = 20;
    public static final int MAX_PERIOD = 2048;

    private final int cross;
    private final int period;
    /** The template: the channel's running mean at each phase of the period, in 1/2^TEMPLATE_BITS. */
    private final int[] template;
    static final int TEMPLATE_BITS = 4;
    static final int TEMPLATE_RATE = 4;
    private int phase;

    private int predict() {
        if (period > 0) {
            int l = template.length;
            int j = 2 * cross;
            ols.extra(j, template[(phase + l - 1) % l] >> TEMPLATE_BITS);
            ols.extra(j + 1, template[phase] >> TEMPLATE_BITS);
            ols.extra(j + 2, template[(phase + 1) % l] >> TEMPLATE_BITS);
        }
        return cascade.predict();
    }

    private void update(int x) {
        cascade.update(x);
        if (period > 0) {
            template[phase] += ((x << TEMPLATE_BITS) - template[phase]) >> TEMPLATE_RATE;
            phase = phase + 1 == template.length ? 0 : phase + 1;
        }
    }

    /**
     * Gives the next prediction the {@code j}-th other channel (0: the nearest coded before) at this
     * time step: its sample and its residual.
     */
    public void cross(int j, ResidualChannel other, int sample) {
        ols.extra(2 * j, other.residual);
        ols.extra(2 * j + 1, sample);
    }

    /** Codes sample {@code x} through {@code io}. */
    public void encode(BinaryBits io, int x) {
        int p = predict();
        model.code(io, x - p, p);
        update(x);
        residual = x - p;
    }

    private int residual;

    /** The residual of the sample coded last (what it brought that its prediction did not know). */
    public int residual() {
        return residual;
    }

    /** Decodes the next sample through {@code io}. */
    public int decode(BinaryBits io) {
        int p = predict();
        // a damaged payload can decode to a value outside 16 bits: kept in range, the stream's CRC catches it
        int s = Math.max(-32768, Math.min(32767, p + model.code(io, 0, p)));
        update(s);
        residual = s - p;
        return s;
    }
}
