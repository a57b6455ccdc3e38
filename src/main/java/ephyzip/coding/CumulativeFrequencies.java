package ephyzip.coding;

/** A {@link FrequencyTable} over a cumulative array {@code cum[0]=0 .. cum[n]=total}. */
public final class CumulativeFrequencies implements FrequencyTable {
    private final int[] cum;

    /** Wraps {@code cum} without copying; the caller must not change it. */
    public CumulativeFrequencies(int[] cum) {
        this.cum = cum;
    }

    /** Builds the cumulative table of {@code freqs}. */
    public static CumulativeFrequencies of(int[] freqs) {
        int[] cum = new int[freqs.length + 1];
        for (int i = 0; i < freqs.length; i++) {
            cum[i + 1] = cum[i] + freqs[i];
        }
        return new CumulativeFrequencies(cum);
    }

    @Override
    public int symbolLimit() {
        return cum.length - 1;
    }

    @Override
    public int get(int symbol) {
        return cum[symbol + 1] - cum[symbol];
    }

    @Override
    public int total() {
        return cum[cum.length - 1];
    }

    @Override
    public int low(int symbol) {
        return cum[symbol];
    }

    @Override
    public int high(int symbol) {
        return cum[symbol + 1];
    }

    @Override
    public int symbolAt(int value) {
        int lo = 0;
        int hi = cum.length - 1; // invariant: cum[lo] <= value < cum[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] <= value) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
