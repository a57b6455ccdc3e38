package ephyzip.model;

import java.util.Arrays;

/**
 * The sample values a model knows, as tokens 0..size-1 in increasing value order. At most
 * {@link #MAX_SIZE} values, so a token fits in 10 bits. Samples outside the alphabet are coded
 * by an escape; for context they count as their nearest token.
 */
public final class Alphabet {
    public static final int MAX_SIZE = 1024;

    private final short[] values;
    /** Sample value + 32768 to token, or -1. */
    private final short[] tokenOf = new short[65536];
    /** Sample value + 32768 to the token of the nearest value (ties to the lower one). */
    private final short[] nearestOf = new short[65536];

    public Alphabet(short[] sortedValues) {
        if (sortedValues.length == 0 || sortedValues.length > MAX_SIZE) {
            throw new IllegalArgumentException("alphabet size " + sortedValues.length + " not in 1.." + MAX_SIZE);
        }
        for (int i = 1; i < sortedValues.length; i++) {
            if (sortedValues[i] <= sortedValues[i - 1]) {
                throw new IllegalArgumentException("alphabet values must be strictly increasing");
            }
        }
        this.values = sortedValues.clone();
        Arrays.fill(tokenOf, (short) -1);
        int t = 0;
        for (int v = -32768; v <= 32767; v++) {
            while (t + 1 < values.length && Math.abs(values[t + 1] - v) < Math.abs(values[t] - v)) {
                t++;
            }
            nearestOf[v + 32768] = (short) t;
            if (values[t] == v) {
                tokenOf[v + 32768] = (short) t;
            }
        }
    }

    /**
     * The {@code maxSize} most frequent values of a histogram over all 65,536 sample values
     * (index = value + 32768), ties to the lower value.
     */
    public static Alphabet fromHistogram(long[] histogram, int maxSize) {
        Integer[] order = new Integer[65536];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> histogram[a] != histogram[b] ? Long.compare(histogram[b], histogram[a]) : a - b);
        int n = 0;
        while (n < maxSize && n < order.length && histogram[order[n]] > 0) {
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no samples to learn an alphabet from");
        }
        short[] vals = new short[n];
        for (int i = 0; i < n; i++) {
            vals[i] = (short) (order[i] - 32768);
        }
        Arrays.sort(vals);
        return new Alphabet(vals);
    }

    public int size() {
        return values.length;
    }

    /** The token of a sample value, or -1 if it is not in the alphabet. */
    public int token(int sample) {
        return tokenOf[sample + 32768];
    }

    /** The token whose value is nearest to {@code sample}; equals {@link #token} when that is not -1. */
    public int nearest(int sample) {
        return nearestOf[sample + 32768];
    }

    public short value(int token) {
        return values[token];
    }

    public short[] values() {
        return values.clone();
    }
}
