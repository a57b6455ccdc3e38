package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.TestModels;
import ephyzip.TestWavs;
import ephyzip.format.WavFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decode --from --to --channels}: a time range and a subset of channels, as WAV or flat files. */
class RangeDecodeTest {
    @TempDir
    Path dir;

    private static final int CH = 4;
    private static final int N = 30_000;

    private String model() {
        return TestModels.MODELS.resolve("default.ezm").toString();
    }

    /** Samples [from, to) of channels {@code chans} of {@code all} (interleaved), little-endian. */
    private static byte[] slice(short[] all, int from, int to, int... chans) {
        ByteBuffer b = ByteBuffer.allocate(2 * (to - from) * chans.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < to; i++) {
            for (int c : chans) {
                b.putShort(all[i * CH + c]);
            }
        }
        return b.array();
    }

    @Test
    void rangesAndChannelsAsWavAndFlatFiles() throws Exception {
        short[] samples = TestWavs.walks(31, CH, N);
        Path wav = dir.resolve("rec.wav");
        Files.write(wav, WavFile.of(10_000, CH, samples).toBytes());
        Path ezp = dir.resolve("rec.ezp");
        Cli enc = Cli.run("encode", "-m", model(), "--frame", "1000", "--restart", "4000", wav, ezp);
        assertEquals(0, enc.exit(), enc.toString());

        // seconds at the stream's rate, into a WAV file of the chosen channels in the order given
        Path part = dir.resolve("part.wav");
        Cli r = Cli.run("decode", "-m", model(), "--from", "1.2345", "--to", "2.5s", "--channels", "3,0-1", ezp, part);
        assertEquals(0, r.exit(), r.toString());
        WavFile w = WavFile.parse("part", Files.readAllBytes(part));
        assertEquals(3, w.channels());
        assertEquals(10_000, WavFile.rateOf(w.header()));
        assertArrayEquals(slice(samples, 12_345, 25_000, 3, 0, 1),
                java.util.Arrays.copyOfRange(Files.readAllBytes(part), 44, (int) Files.size(part)));

        // samples, into a flat file; --to past the end stops at the end
        Path flat = dir.resolve("part.dat");
        r = Cli.run("decode", "-m", model(), "--from", "29990samples", "--to", "99999samples", "--channels", "2", ezp,
                flat);
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(slice(samples, 29_990, N, 2), Files.readAllBytes(flat));

        // from the start, all channels: the samples of the whole recording
        Path all = dir.resolve("all.dat");
        assertEquals(0, Cli.run("decode", "-m", model(), "--to", "3", ezp, all).exit());
        assertArrayEquals(slice(samples, 0, N, 0, 1, 2, 3), Files.readAllBytes(all));
    }

    @Test
    void impossibleRangesAreUsageErrorsAndWriteNothing() throws Exception {
        Path wav = dir.resolve("rec.wav");
        Files.write(wav, WavFile.of(10_000, CH, TestWavs.walks(32, CH, 5_000)).toBytes());
        Path ezp = dir.resolve("rec.ezp");
        assertEquals(0, Cli.run("encode", "-m", model(), wav, ezp).exit());
        String[][] bad = {{"--from", "0.6"}, {"--from", "0.3", "--to", "0.2"}, {"--channels", "4"},
                {"--channels", "1-x"}, {"--from", "-1"}, {"--from", "soon"}};
        for (String[] b : bad) {
            Path out = dir.resolve("out.wav");
            Object[] args = new Object[b.length + 5];
            args[0] = "decode";
            args[1] = "-m";
            args[2] = model();
            System.arraycopy(b, 0, args, 3, b.length);
            args[b.length + 3] = ezp;
            args[b.length + 4] = out;
            Cli r = Cli.run(args);
            assertEquals(ExitCodes.USAGE, r.exit(), String.join(" ", b) + ": " + r);
            assertTrue(!Files.exists(out), String.join(" ", b));
        }
        // a WAV file whose rate is 0 states none: seconds cannot be placed, samples can
        Files.write(wav, WavFile.of(0, 1, TestWavs.walk(33, 3_000)).toBytes());
        assertEquals(0, Cli.run("encode", "-f", "-m", model(), wav, ezp).exit());
        Cli r = Cli.run("decode", "-m", model(), "--from", "0.1", ezp, dir.resolve("x.wav"));
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("samples"), r.toString());
        assertEquals(0, Cli.run("decode", "-m", model(), "--from", "100samples", ezp, dir.resolve("x.wav")).exit());
    }
}
