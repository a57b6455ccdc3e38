package ephyzip.residual;

/**
 * A sign-sign LMS stage in 32-bit integers (the fast path's third level, on the error of
 * {@link Lpc}): predicts its target from its last {@link #TAPS} values with weights in
 * 1/2^{@link #SHIFT}; each weight moves by a step whose sign is its input's and whose size grows
 * with the input against the running mean of |input|, in the direction of the error's sign: no
 * division, no multiply in the update. Sums wrap as Java ints do, the same on every JVM and
 * vector width.
 */
final class SignLms {
    static final int TAPS = 16;
    static final int SHIFT = 12;
    /** History and steps, twice over so that a window of TAPS is always contiguous at {@code pos}. */
    private final int[] hist = new int[2 * TAPS];
    private final int[] step = new int[2 * TAPS];
    private final int[] w = new int[TAPS];
    private int pos;
    private int mean = 16;

    int predict() {
        int s = 0;
        int p = pos;
        for (int i = 0; i < TAPS; i++) {
            s += w[i] * hist[p + i];
        }
        return (s + (1 << (SHIFT - 1))) >> SHIFT;
    }

    /** Learns from the error of its last prediction {@code err} and takes the target that came, {@code x}. */
    void update(int err, int x) {
        int p = pos;
        if (err > 0) {
            for (int i = 0; i < TAPS; i++) {
                w[i] += step[p + i];
            }
        } else if (err < 0) {
            for (int i = 0; i < TAPS; i++) {
                w[i] -= step[p + i];
            }
        }
        int c = Math.max(-32767, Math.min(32767, x));
        int a = Math.abs(c);
        int s = a > 3 * mean ? 4 : a * 3 > 4 * mean ? 2 : a > 0 ? 1 : 0;
        mean += (a - mean) >> 4;
        pos = p == 0 ? TAPS - 1 : p - 1;
        hist[pos] = c;
        hist[pos + TAPS] = c;
        step[pos] = c < 0 ? -s : s;
        step[pos + TAPS] = step[pos];
    }
}
