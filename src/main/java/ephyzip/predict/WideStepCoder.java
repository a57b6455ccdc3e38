package ephyzip.predict;

import ephyzip.coding.ArithmeticDecoder;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.coding.CumulativeFrequencies;
import ephyzip.coding.UniformFrequencies;
import ephyzip.io.CorruptStreamException;
import java.util.Arrays;

/**
 * Codes a token outside the network's band, adapting to the recording: an adaptive choice of
 * side and octave of the distance beyond the band (bins [8(2^k-1), 8(2^(k+1)-1)) for k = 0..7),
 * or the escape, then the exact position inside the bin, uniformly over the tokens that exist.
 * Recordings with large steps (a few percent of them) pay far less than under the static bigram.
 */
final class WideStepCoder {
    private static final int OCTAVES = 8;
    /** Symbols: side * OCTAVES + k for side 0 (up) and 1 (down), then the escape. */
    private static final int SYMBOLS = 2 * OCTAVES + 1;
    private static final int ESCAPE = SYMBOLS - 1;
    private static final int INCREMENT = 32;
    private static final int HALVE_AT = 1 << 16;

    private final int band;
    private final int size;
    private final int[] counts = new int[SYMBOLS];
    private final int[] freqs = new int[SYMBOLS];
    private final int[] cum = new int[SYMBOLS + 1];
    private final CumulativeFrequencies table = new CumulativeFrequencies(cum);
    private final UniformFrequencies uniform = new UniformFrequencies();
    private int total;

    WideStepCoder(int band, int size) {
        this.band = band;
        this.size = size;
        reset();
    }

    void reset() {
        Arrays.fill(counts, 1);
        total = SYMBOLS;
    }

    private static int octave(int m) {
        return 31 - Integer.numberOfLeadingZeros(m / 8 + 1);
    }

    private static int binStart(int k) {
        return 8 * ((1 << k) - 1);
    }

    /** Distance beyond the band of {@code token} seen from {@code prev}, and its side (0 up, 1 down). */
    private int side(int token, int prev) {
        return token >= prev + band ? 0 : 1;
    }

    private int distance(int token, int prev) {
        return token >= prev + band ? token - prev - band : prev - band - 1 - token;
    }

    /** Tokens that exist in bin k of a side, seen from prev. */
    private int binSize(int side, int k, int prev) {
        int lo = binStart(k);
        int hi = binStart(k + 1); // exclusive
        int limit = side == 0 ? size - (prev + band) : prev - band; // distances that name a token
        return Math.max(0, Math.min(hi, limit) - lo);
    }

    private CumulativeFrequencies table(int prev) {
        for (int s = 0; s < ESCAPE; s++) {
            freqs[s] = binSize(s / OCTAVES, s % OCTAVES, prev) > 0 ? counts[s] : 0;
        }
        freqs[ESCAPE] = counts[ESCAPE];
        for (int s = 0; s < SYMBOLS; s++) {
            cum[s + 1] = cum[s] + freqs[s];
        }
        return table;
    }

    private int symbolOf(int token, int prev, int escape) {
        if (token == escape) {
            return ESCAPE;
        }
        return side(token, prev) * OCTAVES + octave(distance(token, prev));
    }

    void encode(ArithmeticEncoder enc, int token, int prev, int escape) {
        int s = symbolOf(token, prev, escape);
        enc.write(table(prev), s);
        if (s != ESCAPE) {
            int k = s % OCTAVES;
            enc.write(uniform.size(binSize(s / OCTAVES, k, prev)), distance(token, prev) - binStart(k));
        }
    }

    int decode(ArithmeticDecoder dec, int prev, int escape) throws CorruptStreamException {
        int s = dec.read(table(prev));
        if (s == ESCAPE) {
            return escape;
        }
        int side = s / OCTAVES;
        int k = s % OCTAVES;
        int m = binStart(k) + dec.read(uniform.size(binSize(side, k, prev)));
        return side == 0 ? prev + band + m : prev - band - 1 - m;
    }

    double probability(int token, int prev, int escape) {
        int s = symbolOf(token, prev, escape);
        CumulativeFrequencies t = table(prev);
        double p = t.get(s) / (double) t.total();
        return s == ESCAPE ? p : p / binSize(s / OCTAVES, s % OCTAVES, prev);
    }

    /** Learns from a token outside the band (or {@code escape}). */
    void update(int token, int prev, int escape) {
        counts[symbolOf(token, prev, escape)] += INCREMENT;
        total += INCREMENT;
        if (total >= HALVE_AT) {
            total = 0;
            for (int s = 0; s < SYMBOLS; s++) {
                counts[s] = (counts[s] + 1) >> 1;
                total += counts[s];
            }
        }
    }
}
