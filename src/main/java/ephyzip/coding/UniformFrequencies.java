package ephyzip.coding;

/**
 * Equal frequencies for the symbols {@code 0..n-1}: the same table as cumulative counts
 * {@code 0, 1, .., n}, computed instead of stored. Mutable ({@link #size}), so one instance per
 * coder serves every size without allocation or sharing between threads.
 */
public final class UniformFrequencies implements FrequencyTable {
    private int n = 1;

    /** Sets the number of symbols, {@code 1 <= n <= ArithmeticCoder.MAX_TOTAL}; returns this. */
    public UniformFrequencies size(int symbols) {
        if (symbols < 1 || symbols > ArithmeticCoder.MAX_TOTAL) {
            throw new IllegalArgumentException("uniform table of " + symbols + " symbols");
        }
        this.n = symbols;
        return this;
    }

    @Override
    public int symbolLimit() {
        return n;
    }

    @Override
    public int get(int symbol) {
        return 1;
    }

    @Override
    public int total() {
        return n;
    }

    @Override
    public int low(int symbol) {
        return symbol;
    }

    @Override
    public int high(int symbol) {
        return symbol + 1;
    }

    @Override
    public int symbolAt(int value) {
        return value;
    }
}
