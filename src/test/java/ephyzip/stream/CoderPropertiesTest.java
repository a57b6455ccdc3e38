package ephyzip.stream;

import ephyzip.coding.ArithmeticCoder;
import ephyzip.coding.ArithmeticDecoder;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.coding.CumulativeFrequencies;
import ephyzip.coding.FrequencyTable;
import ephyzip.coding.RankTier;
import ephyzip.coding.TierCode;
import ephyzip.io.BitInputStream;
import ephyzip.io.BitOutputStream;
import ephyzip.model.Alphabet;
import ephyzip.model.BigramTable;
import ephyzip.model.Model;
import ephyzip.predict.Predictors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the coders on arbitrary tables and inputs (jqwik reports the seed of a failure). */
class CoderPropertiesTest {
    @Property(tries = 200)
    void arithmeticCoderRoundTripsAnySymbols(@ForAll("tables") int[] freqs, @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 1 << 20) Integer> picks) throws Exception {
        FrequencyTable t = CumulativeFrequencies.of(freqs);
        int[] symbols = new int[picks.size()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = t.symbolAt(picks.get(i) % t.total()); // symbols with frequency > 0
        }
        BitOutputStream out = new BitOutputStream();
        ArithmeticEncoder enc = new ArithmeticEncoder(out);
        for (int s : symbols) {
            enc.write(t, s);
        }
        enc.finish();
        byte[] bytes = out.finish();
        ArithmeticDecoder dec = new ArithmeticDecoder(new BitInputStream(bytes, 0, bytes.length, 0));
        int[] back = new int[symbols.length];
        for (int i = 0; i < back.length; i++) {
            back[i] = dec.read(t);
        }
        assertArrayEquals(symbols, back);
    }

    @Provide
    Arbitrary<int[]> tables() {
        return Arbitraries.integers().between(0, 5000).array(int[].class).ofMinSize(1).ofMaxSize(1100)
                .filter(a -> java.util.Arrays.stream(a).asLongStream().sum() > 0
                        && java.util.Arrays.stream(a).asLongStream().sum() <= ArithmeticCoder.MAX_TOTAL);
    }

    @Property(tries = 200)
    void symbolAtInvertsTheCumulativeTable(@ForAll("tables") int[] freqs, @ForAll @IntRange(min = 0) int pick) {
        FrequencyTable t = CumulativeFrequencies.of(freqs);
        int value = pick % t.total();
        int s = t.symbolAt(value);
        assertTrue(t.low(s) <= value && value < t.high(s), "value " + value + " symbol " + s);
    }

    @Property(tries = 100)
    void tierCodeIsPrefixFreeAndDecodable(@ForAll @Size(5) List<@IntRange(min = 0, max = 1_000_000) Integer> counts,
                                          @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 4) Integer> tiers)
            throws Exception {
        long[] c = counts.stream().mapToLong(Integer::longValue).toArray();
        TierCode code = TierCode.fit(c);
        BitOutputStream out = new BitOutputStream();
        for (int t : tiers) {
            code.write(out, RankTier.values()[t]);
        }
        byte[] bytes = out.finish();
        BitInputStream in = new BitInputStream(bytes, 0, bytes.length, 0);
        for (int t : tiers) {
            assertEquals(RankTier.values()[t], code.read(in));
        }
    }

    @Property(tries = 60)
    void bothCodersRoundTripAnySamples(@ForAll @Size(max = 2000) List<Short> samples,
                                       @ForAll @IntRange(min = 1, max = 64) int alphabetSize) throws Exception {
        short[] values = new short[alphabetSize];
        for (int i = 0; i < alphabetSize; i++) {
            values[i] = (short) (-2000 + 64 * i);
        }
        Alphabet alphabet = new Alphabet(values);
        int[][] counts = new int[alphabetSize][alphabetSize];
        for (int i = 0; i < alphabetSize; i++) {
            counts[i][(i * 7 + 3) % alphabetSize] = i + 1;
        }
        BigramTable table = new BigramTable(counts, 4);
        short[] s = new short[samples.size()];
        for (int i = 0; i < s.length; i++) {
            short v = samples.get(i);
            s[i] = i % 3 == 0 ? v : values[Math.floorMod(v, alphabetSize)]; // mostly in the alphabet
        }
        Model model = new Model(alphabet, table, TierCode.fit(new long[] {5, 4, 3, 2, 1}), java.util.Map.of());
        for (PayloadCoder coder : List.of(new RankPayloadCoder(TierCode.fit(new long[] {5, 4, 3, 2, 1})), new ArithPayloadCoder())) {
            // the samples as one channel, and as two channels of half the length each
            for (int channels = 1; channels <= 2; channels++) {
                int n = s.length / channels;
                short[][] in = new short[channels][];
                for (int c = 0; c < channels; c++) {
                    in[c] = java.util.Arrays.copyOfRange(s, c * n, (c + 1) * n);
                }
                byte[] payload = coder.encodeFrame(new ChannelPredictors(channels, c -> Predictors.of(model)),
                        alphabet, in, n);
                short[][] out = new short[channels][n];
                coder.decodeFrame(new ChannelPredictors(channels, c -> Predictors.of(model)), alphabet,
                        payload, 0, out, n);
                for (int c = 0; c < channels; c++) {
                    assertArrayEquals(in[c], out[c], coder.getClass().getSimpleName() + " channel " + c);
                }
            }
        }
    }
}
