package ephyzip.coding;

/** An order of all tokens, most likely first; ties are broken by token id so both sides agree. */
public interface Ranking {
    int rankOf(int token);

    int tokenAt(int rank);
}
