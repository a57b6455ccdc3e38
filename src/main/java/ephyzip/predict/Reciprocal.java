package ephyzip.predict;

/**
 * Exact integer division by multiplication, for a divisor used several times: with
 * {@code m = of(d)}, {@code divide(n, m) == n / d} for every {@code 0 <= n < 2^61} and
 * {@code d >= 1} with {@code n * d < 2^62}. Why it is exact: {@code m = floor(2^62 / d) + 1} lies in
 * {@code (2^62/d, 2^62/d + 1]}, so {@code n m / 2^62} lies in {@code (n/d, n/d + n/2^62]}; with
 * {@code n = qd + r}, {@code r < d}, that is below {@code q + (d-1)/d + 1/d = q + 1} whenever
 * {@code n d < 2^62}, and its floor is {@code q}. One division per divisor instead of one per
 * dividend; the same integers on every machine.
 */
final class Reciprocal {
    private Reciprocal() {
    }

    static long of(long d) {
        return (1L << 62) / d + 1;
    }

    /** {@code floor(n * m / 2^62)}: the high word of {@code 4n * m}. */
    static long divide(long n, long m) {
        return Math.multiplyHigh(n << 2, m);
    }
}
