package ephyzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.format.WavFile;
import ephyzip.io.BadInputException;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoder's choice of path, and what the residual path does with real and damaged input. */
class ResidualPathTest {
    static final Path NLX = TestModels.ROOT.resolve("src/test/resources/residual/nlx-tet3a-excerpt.wav");

    private static CoderKind coderOf(byte[] stream) throws Exception {
        return StreamHeader.read(new ByteArrayInputStream(stream)).coder();
    }

    @Test
    void wideband_recording_takes_the_residual_path_and_beats_the_grid() throws Exception {
        Codec codec = new Codec(TestModels.cnn());
        byte[] file = Files.readAllBytes(NLX);
        WavFile wav = WavFile.parse("nlx", file);
        byte[] auto = codec.encode(wav, CoderKind.ARITH);
        assertEquals(CoderKind.RESIDUAL, coderOf(auto));
        assertArrayEquals(file, codec.decode(auto));
        // the grid path on the same file (rank keeps it) is far larger: the stored fallback or escapes
        byte[] grid = codec.encode(wav, CoderKind.RANK);
        assertTrue(auto.length * 1.3 < grid.length, auto.length + " against the grid's " + grid.length);
        assertTrue(file.length > 1.8 * auto.length, "ratio " + (double) file.length / auto.length);
    }

    @Test
    void mains_hum_gets_a_period_and_codes_smaller_with_it() throws Exception {
        long seed = 12;
        Random r = new Random(seed);
        short[] s = new short[40_000];
        for (int i = 0; i < s.length; i++) { // 10 kHz: 50 Hz hum with harmonics (period 200) under noise
            double hum = 900 * Math.sin(2 * Math.PI * i / 200) + 300 * Math.sin(6 * Math.PI * i / 200 + 1)
                    + 150 * Math.signum(Math.sin(2 * Math.PI * i / 200));
            s[i] = (short) Math.round(hum + r.nextGaussian() * 20);
        }
        byte[] file = TestWavs.mono(s);
        Codec codec = new Codec(TestModels.bigram());
        byte[] stream = codec.encode(WavFile.parse("hum", file), CoderKind.RESIDUAL);
        StreamHeader h = StreamHeader.read(new ByteArrayInputStream(stream));
        byte[] record = h.alphabetRecord();
        int period = ((record[2] & 0xFF) << 8) | (record[3] & 0xFF);
        assertTrue(period > 0 && period % 200 == 0, "period " + period + ", seed " + seed);
        assertArrayEquals(file, codec.decode(stream), "seed " + seed);
    }

    /** Noise through a filter whose taps reach 60 samples back, beyond the least squares' 16: a mono WAV. */
    static byte[] longStructure(long seed, int n) {
        Random r = new Random(seed);
        double[] e = new double[n + 60];
        for (int i = 0; i < e.length; i++) {
            e[i] = r.nextGaussian() * 200;
        }
        short[] s = new short[n];
        for (int i = 0; i < s.length; i++) {
            int j = i + 60;
            s[i] = (short) Math.round(e[j] + 0.8 * e[j - 60] - 0.6 * e[j - 45] + 0.5 * e[j - 30]);
        }
        return TestWavs.mono(s);
    }

    @Test
    void level_nine_takes_a_long_stage_where_structure_outlasts_the_least_squares() throws Exception {
        long seed = 31;
        byte[] file = longStructure(seed, 60_000);
        WavFile wav = WavFile.parse("long", file);
        byte[] plain = new Codec(TestModels.bigram()).encode(wav, CoderKind.RESIDUAL);
        Codec best = new Codec(TestModels.bigram()).withLongStages();
        byte[] heavy = best.encode(wav, CoderKind.RESIDUAL);
        StreamHeader h = StreamHeader.read(new ByteArrayInputStream(heavy));
        int preset = h.alphabetRecord()[1];
        assertTrue(preset >= 3 && preset < 6, "a long preset, not " + preset + ", seed " + seed);
        assertEquals(StreamHeader.VERSION_8, h.version(), "long presets came with version 8");
        StreamHeader light = StreamHeader.read(new ByteArrayInputStream(plain));
        assertEquals(StreamHeader.VERSION_8, light.version(), "so did the lighter ones");
        assertTrue(light.alphabetRecord()[1] >= 6, "the default takes a lighter preset");
        assertTrue(heavy.length < plain.length, heavy.length + " against " + plain.length + ", seed " + seed);
        assertArrayEquals(file, best.decode(heavy), "seed " + seed);
        assertArrayEquals(file, new Codec(TestModels.cnn()).decode(heavy), "any model decodes it, seed " + seed);
        // a version 5 stream (0.4.0 wrote it) with a preset that version does not have
        byte[] five = Files.readAllBytes(TestModels.RESOURCES.resolve("format5/nlx-excerpt-residual.ezp"));
        StreamHeader p = StreamHeader.read(new ByteArrayInputStream(five));
        assertEquals(StreamHeader.VERSION_5, p.version());
        for (int bad : new int[] {3, 6}) {
            byte[] old = five.clone();
            old[p.length() - 4 - p.alphabetRecord().length + 1] = (byte) bad;
            java.nio.ByteBuffer.wrap(old, p.length() - 4, 4).putInt(StreamHeader.crc(old, 0, p.length() - 4));
            BadInputException refused = assertThrows(BadInputException.class, () -> best.decode(old));
            assertTrue(refused.getMessage().contains("unknown predictor preset " + bad), refused.getMessage());
        }
    }

    @Test
    void level_nine_keeps_level_six_plan_when_its_mix_of_presets_codes_larger() throws Exception {
        byte[] file = Files.readAllBytes(TestModels.ROOT.resolve("src/test/resources/residual/nlx-2ch-mix.wav"));
        WavFile wav = WavFile.parse("mix", file);
        byte[] plain = new Codec(TestModels.bigram()).encode(wav, CoderKind.RESIDUAL);
        Codec best = new Codec(TestModels.bigram()).withLongStages();
        byte[] heavy = best.encode(wav, CoderKind.RESIDUAL);
        assertTrue(heavy.length <= plain.length, "level 9: " + heavy.length + " bytes against level 6's " + plain.length);
        assertArrayEquals(file, best.decode(heavy));
    }

    @Test
    void residual_records_with_impossible_settings_are_refused() throws Exception {
        byte[] stream = new Codec(TestModels.bigram()).encode(WavFile.parse("nlx", Files.readAllBytes(NLX)),
                CoderKind.RESIDUAL);
        StreamHeader h = StreamHeader.read(new ByteArrayInputStream(stream));
        int at = h.length() - 4 - h.alphabetRecord().length; // the record's first byte
        // (offset in the record, byte)...: a preset of 12, a period of 32,512, a period of 5, another tag
        for (int[] change : new int[][] {{1, 12}, {2, 0x7F}, {2, 0, 3, 5}, {0, 9}}) {
            byte[] bad = stream.clone();
            for (int k = 0; k < change.length; k += 2) {
                bad[at + change[k]] = (byte) change[k + 1];
            }
            int crc = StreamHeader.crc(bad, 0, h.length() - 4);
            java.nio.ByteBuffer.wrap(bad, h.length() - 4, 4).putInt(crc);
            BadInputException e = assertThrows(BadInputException.class, () -> new Codec(TestModels.bigram()).decode(bad),
                    "record change " + java.util.Arrays.toString(change));
            assertTrue(e.getMessage().contains("preset") || e.getMessage().contains("period")
                    || e.getMessage().contains("record"), e.getMessage());
        }
    }

    @Test
    void residual_streams_decode_with_any_model() throws Exception {
        byte[] file = Files.readAllBytes(NLX);
        byte[] stream = new Codec(TestModels.cnn()).encode(WavFile.parse("nlx", file), CoderKind.ARITH);
        assertEquals(CoderKind.RESIDUAL, coderOf(stream));
        assertArrayEquals(file, new Codec(TestModels.bigram()).decode(stream));
    }

    @Test
    void neuralink_recording_keeps_the_grid_path() throws Exception {
        Codec codec = new Codec(TestModels.cnn());
        byte[] file = Files.readAllBytes(TestModels.dataFiles().get(0));
        byte[] auto = codec.encode(WavFile.parse("n", file), CoderKind.ARITH);
        assertEquals(CoderKind.ARITH, coderOf(auto));
        assertArrayEquals(file, codec.decode(auto));
    }

    @Test
    void full_range_noise_is_stored() throws Exception {
        long seed = 77;
        Random r = new Random(seed);
        short[] s = new short[30_000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) r.nextInt(65536);
        }
        Codec codec = new Codec(TestModels.bigram());
        byte[] file = TestWavs.mono(s);
        byte[] auto = codec.encode(WavFile.parse("noise", file), CoderKind.ARITH);
        assertEquals(CoderKind.STORED, coderOf(auto), "seed " + seed);
        assertArrayEquals(file, codec.decode(auto), "seed " + seed);
    }

    @Test
    void multichannel_wideband_in_segments_round_trips() throws Exception {
        long seed = 5;
        Random r = new Random(seed);
        int channels = 20;
        int n = 5000;
        short[] s = new short[channels * n];
        double lfp = 0;
        for (int i = 0; i < n; i++) {
            lfp = 0.999 * lfp + r.nextGaussian() * 300;
            for (int c = 0; c < channels; c++) {
                double v = lfp * (1 + c / 10.0) + r.nextGaussian() * 40 * (1 + c % 3) + (c == 7 && i > 2000 ? 20000 : 0);
                s[i * channels + c] = (short) Math.max(-32768, Math.min(32767, Math.round(v)));
            }
        }
        byte[] file = TestWavs.multi(channels, s);
        Codec codec = new Codec(TestModels.bigram(), 3);
        byte[] stream = codec.encode(WavFile.parse("m", file), CoderKind.ARITH);
        assertEquals(CoderKind.RESIDUAL, coderOf(stream), "seed " + seed);
        assertArrayEquals(file, codec.decode(stream), "seed " + seed);
        assertArrayEquals(stream, new Codec(TestModels.bigram(), 1).encode(WavFile.parse("m", file), CoderKind.ARITH),
                "thread count changed the stream, seed " + seed);
    }

    @Test
    void damaged_residual_streams_are_refused() throws Exception {
        Codec codec = new Codec(TestModels.bigram());
        byte[] file = Files.readAllBytes(NLX);
        byte[] stream = codec.encode(WavFile.parse("nlx", file), CoderKind.RESIDUAL);
        int header = StreamHeader.read(new ByteArrayInputStream(stream)).length();
        for (int cut : new int[] {header + 3, stream.length / 2, stream.length - 5}) {
            byte[] t = Arrays.copyOf(stream, cut);
            assertThrows(BadInputException.class, () -> codec.decode(t), "cut at " + cut);
        }
        long seed = 99;
        Random r = new Random(seed);
        for (int k = 0; k < 40; k++) {
            byte[] d = stream.clone();
            int at = header + 5 + r.nextInt(d.length - header - 20);
            d[at] ^= (byte) (1 + r.nextInt(255));
            assertThrows(BadInputException.class, () -> codec.decode(d), "seed " + seed + ", byte " + at);
        }
    }
}
