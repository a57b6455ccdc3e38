package ephyzip.coding;

/**
 * State shared by the arithmetic encoder and decoder. Invariants: {@code 0 <= low < high <= MASK};
 * after each symbol the range {@code high - low + 1} exceeds a quarter of the full range, so a
 * total of up to {@link #MAX_TOTAL} gives every symbol of frequency >= 1 a non-empty interval.
 */
public abstract class ArithmeticCoder {
    static final int STATE_BITS = 32;
    static final long FULL = 1L << STATE_BITS;
    static final long HALF = FULL >>> 1;
    static final long QUARTER = HALF >>> 1;
    static final long MASK = FULL - 1;
    /** Largest frequency total a table may have. */
    public static final int MAX_TOTAL = (int) QUARTER;

    long low = 0;
    long high = MASK;

    final void narrow(FrequencyTable freqs, int symbol) {
        long total = freqs.total();
        long symLow = freqs.low(symbol);
        long symHigh = freqs.high(symbol);
        if (symLow >= symHigh || total > MAX_TOTAL) {
            throw new IllegalArgumentException("symbol " + symbol + " has no probability or total too large");
        }
        long range = high - low + 1;
        long newLow = low + symLow * range / total;
        long newHigh = low + symHigh * range / total - 1;
        low = newLow;
        high = newHigh;
        // the leading bits low and high share are settled: shift them all out at once (the same
        // bits as one at a time: k = 1..32, as low <= high)
        int k = Long.numberOfLeadingZeros(low ^ high) - (64 - STATE_BITS);
        if (k > 0) {
            shift(low >>> (STATE_BITS - k), k);
            low = (low << k) & MASK;
            high = ((high << k) & MASK) | ((1L << k) - 1);
        }
        while ((low & ~high & QUARTER) != 0) {
            underflow();
            low = (low << 1) ^ HALF;
            high = ((high ^ HALF) << 1) | HALF | 1;
        }
    }

    /** The top {@code k} bits of low (and high), {@code bits}, leave the state (1 <= k <= 32). */
    abstract void shift(long bits, int k);

    abstract void underflow();
}
