package ephyzip;

import ephyzip.format.WavFile;
import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips every kind of valid input through one coder mode; subclasses pick the mode. */
abstract class RoundTripTestBase {
    abstract CoderKind coder();

    /** The codec under test, made from one of the model (a subclass may set it up further). */
    Codec codec(Codec codec) {
        return codec;
    }

    /** The model under test. */
    ModelFile model() throws Exception {
        return TestModels.bigram();
    }

    private void roundTrip(String what, byte[] wav) throws Exception {
        Codec codec = codec(new Codec(model()));
        byte[] stream = codec.encode(WavFile.parse(what, wav), coder());
        byte[] back = codec.decode(stream);
        assertArrayEquals(wav, back, what + " did not round-trip with " + coder());
    }

    private void roundTrip(String what, byte[] wav, int frame) throws Exception {
        Codec codec = codec(new Codec(model()));
        byte[] stream = codec.encode(WavFile.parse(what, wav), coder(), frame);
        byte[] back = codec.decode(stream);
        assertArrayEquals(wav, back, what + " in frames of " + frame + " did not round-trip with " + coder());
    }

    /** The transformed sets of FORMAT.md's "alphabet record", on 20,000 samples of a bundled recording. */
    @Test
    void recordingsOnOtherGrids() throws Exception {
        short[] s = java.util.Arrays.copyOf(WavFile.parse("f", Files.readAllBytes(TestModels.dataFiles().get(2)))
                .samples(), 20_000);
        long seed = 4242;
        Random r = new Random(seed);
        String[] names = {"unscaled", "12-bit-like", "shifted", "noise"};
        for (int k = 0; k < names.length; k++) {
            short[] t = new short[s.length];
            for (int i = 0; i < s.length; i++) {
                int x = s[i];
                t[i] = (short) switch (k) {
                    case 0 -> Math.floorDiv(x, 64);
                    case 1 -> Math.floorDiv(x, 16) + r.nextInt(7) - 3;
                    case 2 -> Math.min(Short.MAX_VALUE, x + 7);
                    default -> r.nextInt(65536) - 32768;
                };
            }
            roundTrip(names[k] + ", seed " + seed, TestWavs.mono(t));
        }
    }

    @Test
    void framesOfManyLengths() throws Exception {
        byte[] wav = TestWavs.mono(TestWavs.walk(11, 300));
        for (int frame : new int[] {1, 2, 7, 20, 299, 300, 301, 100_000}) {
            roundTrip("walk of 300", wav, frame);
        }
    }

    @Test
    void shortFramesAcrossCheckpoints() throws Exception {
        // 140,000 samples: checkpoints inside frames and at their ends, and a short last frame
        byte[] wav = TestWavs.mono(TestWavs.walk(12, 140_000));
        roundTrip("walk of 140,000", wav, 20);
        roundTrip("walk of 140,000", wav, 65_536);
    }

    @Test
    void manyChannels() throws Exception {
        for (int channels : new int[] {2, 3, 16}) {
            short[] s = TestWavs.walks(13, channels, 1500);
            byte[] wav = TestWavs.riff().fmt(1, channels, 19531, 16).chunk("LIST", new byte[3]).data(s)
                    .chunk("junk", new byte[] {1, 2}).bytes();
            roundTrip(channels + " channels", wav);
            roundTrip(channels + " channels", wav, 20);
            roundTrip(channels + " channels", wav, 1);
        }
        roundTrip("stereo, no samples", TestWavs.multi(2, new short[0]));
    }

    @Test
    void streamsFromAndToFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Codec codec = codec(new Codec(model()));
        byte[] wav = TestWavs.multi(4, TestWavs.walks(14, 4, 30_000));
        Path in = dir.resolve("in.wav");
        Files.write(in, wav);
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        try (ephyzip.format.RecordingReader r = ephyzip.format.RecordingReader.openWav(in)) {
            codec.encode(r, stream, coder(), 1000);
        }
        java.io.ByteArrayOutputStream back = new java.io.ByteArrayOutputStream();
        codec.decode(new java.io.ByteArrayInputStream(stream.toByteArray()), back);
        assertArrayEquals(wav, back.toByteArray(), "file streaming round trip with " + coder());
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
        long seed = 0x5EED_0001L;
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
        try (var s = Files.list(TestModels.RESOURCES.resolve("regressions"))) {
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
