package ephyzip.coding;

/** The tiers of the rank coder and the payload bits each carries after its prefix. */
public enum RankTier {
    /** The most likely token: no payload. */
    TOP1(0, 0),
    /** Ranks 1..16: rank - 1 in 4 bits. */
    TOP16(4, 1),
    /** Ranks 17..144: rank - 17 in 7 bits. */
    TOP128(7, 17),
    /** Any other token: its id in 10 bits. */
    RAW(10, 0),
    /** A sample outside the alphabet: its 16-bit value. */
    ESCAPE(16, 0);

    public final int payloadBits;
    public final int firstRank;

    RankTier(int payloadBits, int firstRank) {
        this.payloadBits = payloadBits;
        this.firstRank = firstRank;
    }

    /** The tier of a token at {@code rank}. */
    public static RankTier ofRank(int rank) {
        if (rank == 0) {
            return TOP1;
        } else if (rank < TOP128.firstRank) {
            return TOP16;
        } else if (rank < TOP128.firstRank + 128) {
            return TOP128;
        }
        return RAW;
    }
}
