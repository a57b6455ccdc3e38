package ephyzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.coding.CoderKind;
import ephyzip.model.ModelFile;
import ephyzip.wav.WavFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips every kind of valid input through one coder mode; subclasses pick the mode. */
abstract class RoundTripTestBase {
    abstract CoderKind coder();

    /** The model under test. */
    ModelFile model() throws Exception {
        return TestModels.bigram();
    }

    private void roundTrip(String what, byte[] wav) throws Exception {
        Codec codec = new Codec(model());
        byte[] stream = codec.encode(WavFile.parse(what, wav), coder());
        byte[] back = codec.decode(stream).toBytes();
        assertArrayEquals(wav, back, what + " did not round-trip with " + coder());
    }

    private void roundTrip(String what, short[] samples) throws Exception {
        roundTrip(what, TestWavs.mono(samples));
    }

    @Test
    void emptyFile() throws Exception {
        roundTrip("empty", new short[0]);
    }

    @Test
    void oneSample() throws Exception {
        roundTrip("one sample", new short[] {64});
    }

    @Test
    void constantSignal() throws Exception {
        short[] s = new short[5000];
        java.util.Arrays.fill(s, (short) (-32768 + 64 * 300));
        roundTrip("constant", s);
    }

    @Test
    void extremes() throws Exception {
        roundTrip("extremes", new short[] {-32768, 32767, -32768, 32767, 0, 32767, -32768});
    }

    @Test
    void everySixteenBitValueOnce() throws Exception {
        short[] s = new short[65536];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (i - 32768);
        }
        roundTrip("every value", s);
    }

    @Test
    void seededWhiteNoise() throws Exception {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        short[] s = new short[20000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) r.nextInt();
        }
        roundTrip("white noise, seed " + seed, s);
    }

    @Test
    void extraChunksAndOddLengths() throws Exception {
        short[] s = TestWavs.walk(7, 1001);
        byte[] wav = TestWavs.riff()
                .chunk("LIST", "INFOISFT\u0005\0\0\0ephy\0".getBytes(StandardCharsets.ISO_8859_1))
                .pcm16Mono()
                .chunk("fact", new byte[] {1, 2, 3, 4})
                .data(s)
                .chunk("odd ", new byte[] {9, 8, 7})
                .bytes();
        roundTrip("extra chunks", wav);
        // an odd trailing byte that is not a chunk at all
        byte[] odd = java.util.Arrays.copyOf(wav, wav.length + 1);
        odd[odd.length - 1] = 42;
        roundTrip("odd trailing byte", odd);
    }

    @Test
    void extensibleFormatHeader() throws Exception {
        byte[] fmt = new byte[40];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(fmt).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0xFFFE).putShort((short) 1).putInt(30000).putInt(60000).putShort((short) 2)
                .putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4).putShort((short) 1);
        roundTrip("extensible", TestWavs.riff().chunk("fmt ", fmt).data(TestWavs.walk(3, 500)).bytes());
    }

    @Test
    void everyLengthUpTo300() throws Exception {
        long seed = 300;
        for (int n = 1; n <= 300; n++) {
            roundTrip("length " + n + ", seed " + (seed + n), TestWavs.walk(seed + n, n));
        }
    }

    /** Files that once broke a round trip, kept so they never do again. */
    @Test
    void regressionFiles() throws Exception {
        try (var s = Files.list(Path.of("src/test/resources/regressions"))) {
            for (Path p : s.sorted().toList()) {
                roundTrip(p.toString(), Files.readAllBytes(p));
            }
        }
    }

    @Test
    void bundledRecordings() throws Exception {
        for (Path p : TestModels.dataFiles()) {
            roundTrip(p.toString(), Files.readAllBytes(p));
        }
        assertTrue(TestModels.dataFiles().size() >= 4, "data/ should hold the sample recordings");
    }
}
