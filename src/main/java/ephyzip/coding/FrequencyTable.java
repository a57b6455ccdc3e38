package ephyzip.coding;

/**
 * Integer frequencies of the symbols 0..symbolLimit()-1, as the arithmetic coder needs them.
 * Invariants: every symbol that can occur has frequency >= 1; {@code low(s) + get(s) == high(s)};
 * {@code high(symbolLimit()-1) == total()}; {@code total() <= ArithmeticCoder.MAX_TOTAL}.
 */
public interface FrequencyTable {
    int symbolLimit();

    int get(int symbol);

    int total();

    /** Sum of the frequencies of the symbols below {@code symbol}. */
    int low(int symbol);

    /** Sum of the frequencies of the symbols up to and including {@code symbol}. */
    int high(int symbol);

    /** The symbol s with {@code low(s) <= value < high(s)}, for 0 <= value < total(). */
    int symbolAt(int value);
}
