package ephyzip.stream;

import ephyzip.Codec;
import ephyzip.TestModels;
import ephyzip.format.WavFile;
import ephyzip.io.CorruptStreamException;
import ephyzip.model.Alphabet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** The stream's own alphabet: chosen to fit the recording, written compactly, read back exactly. */
class StreamAlphabetTest {
    private static short[] recording() throws Exception {
        return WavFile.parse("f", Files.readAllBytes(TestModels.dataFiles().get(0))).samples();
    }

    private static long[] histogram(short[] s, IntUnaryOperator op) {
        long[] h = new long[65536];
        for (short v : s) {
            h[(short) op.applyAsInt(v) + 32768]++;
        }
        return h;
    }

    private static StreamHeader encodedHeader(short[] s, IntUnaryOperator op) throws Exception {
        short[] t = new short[s.length];
        for (int i = 0; i < s.length; i++) {
            t[i] = (short) op.applyAsInt(s[i]);
        }
        byte[] stream = new Codec(TestModels.cnn()).encode(WavFile.of(30000, t), CoderKind.ARITH);
        return StreamHeader.read(new ByteArrayInputStream(stream));
    }

    @Test
    void theEncoderChoosesWhatFits() throws Exception {
        short[] s = recording();
        assertEquals(0, encodedHeader(s, x -> x).alphabetRecord().length, "the model's own grid: no record");
        byte[] shifted = encodedHeader(s, x -> Math.min(32767, x + 7)).alphabetRecord();
        assertEquals(StreamAlphabet.SHIFTED, shifted[0]);
        assertTrue(shifted.length <= 4, "a shift costs a few bytes");
        byte[] unscaled = encodedHeader(s, x -> Math.floorDiv(x, 64)).alphabetRecord();
        assertEquals(StreamAlphabet.OWN, unscaled[0]);
        assertTrue(unscaled.length < 100, "a nearly contiguous range costs little: " + unscaled.length);
        StreamHeader noise = encodedHeader(s, new IntUnaryOperator() {
            final Random r = new Random(5);

            @Override
            public int applyAsInt(int x) {
                return r.nextInt(65536) - 32768;
            }
        });
        assertEquals(CoderKind.STORED, noise.coder(), "full-range noise is stored");
    }

    @Test
    void recordsReadBackToTheAlphabetChosen() throws Exception {
        Alphabet model = TestModels.cnn().model().alphabet();
        short[] s = recording();
        long seed = 99;
        Random r = new Random(seed);
        for (int trial = 0; trial < 40; trial++) {
            int scale = 1 + r.nextInt(100);
            int offset = r.nextInt(2001) - 1000;
            IntUnaryOperator op = x -> Math.max(-32768, Math.min(32767, Math.floorDiv(x, scale) + offset));
            long[] h = histogram(s, op);
            byte[] record = StreamAlphabet.choose(model, h);
            Alphabet a = StreamAlphabet.read(record, model, 0);
            assertEquals(model.size(), a.size());
            if (record.length > 0 && record[0] == StreamAlphabet.OWN) {
                assertArrayEquals(StreamAlphabet.own(model, h), a.values(), "trial " + trial + ", seed " + seed);
            }
            assertTrue(StreamAlphabet.escapeShare(a, h) <= StreamAlphabet.escapeShare(model, h),
                    "never worse than the model's: trial " + trial + ", seed " + seed);
        }
    }

    @Test
    void aShiftNearTheLimitStaysInSixteenBits() throws Exception {
        Alphabet model = TestModels.cnn().model().alphabet();
        for (int d : new int[] {-40000, -7, 7, 300, 40000}) {
            short[] v = StreamAlphabet.shift(model, d);
            for (int t = 1; t < v.length; t++) {
                assertTrue(v[t] > v[t - 1], "increasing at " + t + " for shift " + d);
            }
        }
    }

    @Test
    void damagedRecordsAreRefused() throws Exception {
        Alphabet model = TestModels.cnn().model().alphabet();
        assertThrows(CorruptStreamException.class, () -> StreamAlphabet.read(new byte[] {9}, model, 0));
        assertThrows(CorruptStreamException.class, () -> StreamAlphabet.read(new byte[] {2, 0}, model, 0));
        assertThrows(CorruptStreamException.class, () -> StreamAlphabet.read(new byte[] {2, 0, 1, 1}, model, 0));
        byte[] good = StreamAlphabet.list(StreamAlphabet.own(model, histogram(recording(), x -> x / 64)));
        assertThrows(CorruptStreamException.class,
                () -> StreamAlphabet.read(java.util.Arrays.copyOf(good, good.length + 1), model, 0));
    }
}
