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
        while (((low ^ high) & HALF) == 0) {
            shift();
            low = (low << 1) & MASK;
            high = ((high << 1) & MASK) | 1;
        }
        while ((low & ~high & QUARTER) != 0) {
            underflow();
            low = (low << 1) ^ HALF;
            high = ((high ^ HALF) << 1) | HALF | 1;
        }
    }

    abstract void shift();

    abstract void underflow();
}
