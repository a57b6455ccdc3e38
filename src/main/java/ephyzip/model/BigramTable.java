package ephyzip.model;

import ephyzip.coding.ArithmeticCoder;
import ephyzip.coding.CumulativeFrequencies;
import ephyzip.coding.Ranking;

/**
 * Counts of token pairs (previous, next), smoothed towards the distribution of the step
 * next - previous over all pairs: {@code p(n | p) ~ count(p, n) + alpha * q(n - p)}.
 * From the counts it derives, for each previous token, integer frequencies (escape last) and a
 * ranking. Only exact double arithmetic is used, so every machine derives the same tables.
 */
public final class BigramTable {
    /** Frequency total of every row: below the coder's limit, fine enough to cost < 0.01 bits. */
    public static final int TOTAL = 1 << 20;

    private final int size;
    private final int[][] counts;
    private final double alpha;
    private final double[] stepPrior;
    /**
     * Each row's coded distribution, derived on first use: a recording meets a few hundred of the
     * 1,024 previous tokens, and deriving all of them up front was most of a short decode's start
     * (measured 2026-11-29: about 0.25 s of the 0.3 s a model took to load). Rows are immutable
     * with final fields, so a row published by one thread is whole for every other; two threads
     * may derive the same row at once, and get the same one.
     */
    private final Row[] rows;
    /** Each row's ranking, derived on first use (a sort: only the rank coder needs it). */
    private final Ranking[] rankings;

    /** {@code counts[p][n]}: how often token n followed token p. */
    public BigramTable(int[][] counts, double alpha) {
        this(counts, alpha, stepCounts(counts));
    }

    /**
     * {@code steps[n - p + size - 1]}: the counts of every step {@code n - p}, which a reader of
     * the table's nonzero counts sums as it goes (a model file's 1,024 x 1,024 table, summed
     * here, took 10 to 30 ms interpreted at the start of a command).
     */
    BigramTable(int[][] counts, double alpha, long[] steps) {
        this.size = counts.length;
        this.counts = counts;
        this.alpha = alpha;
        this.stepPrior = stepPrior(steps);
        this.rows = new Row[size];
        this.rankings = new Ranking[size];
    }

    public int size() {
        return size;
    }

    public double alpha() {
        return alpha;
    }

    public int count(int prev, int next) {
        return counts[prev][next];
    }

    /** Row {@code p}'s weights: its counts smoothed towards the step prior. */
    private double[] weights(int p) {
        double[] w = new double[size];
        for (int n = 0; n < size; n++) {
            w[n] = counts[p][n] + alpha * stepPrior[n - p + size - 1];
        }
        return w;
    }

    private static final class Row {
        final int[] cumulative;
        final CumulativeFrequencies table;
        final short[] ln;

        Row(int[] cumulative) {
            this.cumulative = cumulative;
            this.table = new CumulativeFrequencies(cumulative);
            int size = cumulative.length - 2;
            this.ln = new short[size];
            for (int t = 0; t < size; t++) {
                ln[t] = (short) LogTable.ln(cumulative[t + 1] - cumulative[t]); // < 20 ln 2 * 256: fits
            }
        }
    }

    private Row row(int p) {
        Row r = rows[p];
        if (r == null) {
            r = new Row(quantize(weights(p)));
            rows[p] = r;
        }
        return r;
    }

    /** The coded distribution of the token after {@code prev} (tokens, then the escape); shared, no allocation. */
    public CumulativeFrequencies frequencies(int prev) {
        return row(prev).table;
    }

    /**
     * {@code row[t]}: ln of the coded frequency of token {@code t} after {@code prev}, in 1/256
     * nat ({@link LogTable}); shared.
     */
    public short[] lnFrequencies(int prev) {
        return row(prev).ln;
    }

    /** The tokens after {@code prev}, most likely first; shared, no allocation. */
    public Ranking ranking(int prev) {
        Ranking r = rankings[prev];
        if (r == null) {
            short[] order = rankOrder(weights(prev));
            short[] rank = new short[size];
            for (int k = 0; k < size; k++) {
                rank[order[k]] = (short) k;
            }
            r = new RowRanking(order, rank);
            rankings[prev] = r;
        }
        return r;
    }

    private static final class RowRanking implements Ranking {
        private final short[] order;
        private final short[] rank;

        RowRanking(short[] order, short[] rank) {
            this.order = order;
            this.rank = rank;
        }

        @Override
        public int rankOf(int token) {
            return rank[token];
        }

        @Override
        public int tokenAt(int k) {
            return order[k];
        }
    }

    /** Probability the table gives token {@code next} after {@code prev}, as coded. */
    public double probability(int prev, int next) {
        int[] c = row(prev).cumulative;
        return (c[next + 1] - c[next]) / (double) TOTAL;
    }

    /** The counts of each step n - p, at {@code n - p + size - 1}. */
    static long[] stepCounts(int[][] counts) {
        int size = counts.length;
        long[] steps = new long[2 * size - 1];
        for (int p = 0; p < size; p++) {
            for (int n = 0; n < size; n++) {
                steps[n - p + size - 1] += counts[p][n];
            }
        }
        return steps;
    }

    /**
     * Step distribution over steps -(size-1)..size-1, add-half smoothed. Each count is below 2^31
     * and a step has at most {@code size} of them: their sum is exact in a double, in any order.
     */
    private static double[] stepPrior(long[] steps) {
        double[] q = new double[steps.length];
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
            q[i] = steps[i] + 0.5;
            sum += q[i];
        }
        for (int i = 0; i < q.length; i++) {
            q[i] /= sum;
        }
        return q;
    }

    /** Frequencies >= 1 for every token and the escape, summing to TOTAL, as a cumulative array. */
    static int[] quantize(double[] w) {
        int n = w.length;
        double sum = 0;
        int best = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i];
            if (w[i] > w[best]) {
                best = i;
            }
        }
        int spare = TOTAL - (n + 1);
        int[] f = new int[n + 1];
        int used = 0;
        for (int i = 0; i < n; i++) {
            f[i] = 1 + (int) (w[i] / sum * spare);
            used += f[i];
        }
        f[n] = 1; // escape
        used += 1;
        f[best] += TOTAL - used;
        int[] cum = new int[n + 2];
        for (int i = 0; i <= n; i++) {
            cum[i + 1] = cum[i] + f[i];
        }
        assert cum[n + 1] == TOTAL && TOTAL <= ArithmeticCoder.MAX_TOTAL;
        return cum;
    }

    private static short[] rankOrder(double[] w) {
        Integer[] idx = new Integer[w.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> w[a] != w[b] ? Double.compare(w[b], w[a]) : a - b);
        short[] o = new short[w.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = (short) (int) idx[i];
        }
        return o;
    }
}
