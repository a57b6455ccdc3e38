package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.TestModels;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compression levels choose a shipped model; decode, test and verify find it by the stream's fingerprint. */
class LevelsTest {
    @TempDir
    Path dir;

    private static String fingerprint(Path stream) throws Exception {
        try (InputStream in = Files.newInputStream(stream)) {
            return StreamHeader.read(in).modelFingerprint();
        }
    }

    @Test
    void levelsPickTheirModelAndDecodeNeedsNoOption() throws Exception {
        Path wav = TestModels.dataFiles().get(1);
        String bigram = ModelOption.load(TestModels.MODELS.resolve("bigram.ezm")).fingerprint();
        String network = ModelOption.load(TestModels.MODELS.resolve("default.ezm")).fingerprint();
        String large = ModelOption.load(TestModels.MODELS.resolve("large.ezm")).fingerprint();
        String[][] cases = {{"-1", bigram}, {"--fast", bigram}, {"-3", bigram}, {"-4", network}, {"-6", network},
                {"-7", network}, {"-9", network}, {"--best", network}};
        byte[] plain = null;
        Path none = dir.resolve("none.ezp");
        assertEquals(0, Cli.run("encode", wav, none).exit());
        plain = Files.readAllBytes(none);
        for (String[] c : cases) {
            Path ezp = dir.resolve("l" + c[0] + ".ezp");
            Cli r = Cli.run("encode", c[0], wav, ezp);
            assertEquals(0, r.exit(), c[0] + ": " + r);
            assertEquals(c[1], fingerprint(ezp), c[0]);
            int version;
            try (InputStream in = Files.newInputStream(ezp)) {
                version = StreamHeader.read(in).version();
            }
            boolean histogram = c[0].equals("-7") || c[0].equals("-9") || c[0].equals("--best");
            if (c[0].equals("-4")) { // the bigram mixed alone, the network not run: larger than the default
                assertEquals(StreamHeader.VERSION_10, version, c[0]);
                assertTrue(Files.size(ezp) > plain.length, c[0] + " codes larger than the default");
            } else if (c[1].equals(network) && !histogram) {
                assertArrayEquals(plain, Files.readAllBytes(ezp), c[0] + " writes what no level writes");
            } else if (c[1].equals(network)) { // the class histogram where it codes smaller
                assertTrue(Files.size(ezp) <= plain.length, c[0] + " codes no larger than the default");
                assertTrue(version == StreamHeader.VERSION_9 || Arrays.equals(plain, Files.readAllBytes(ezp)), c[0]);
            }
            Path back = dir.resolve("l" + c[0] + ".wav");
            Cli d = Cli.run("decode", ezp, back);
            assertEquals(0, d.exit(), c[0] + ": " + d);
            assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back), c[0]);
            assertEquals(0, Cli.run("test", ezp).exit(), c[0]);
            assertEquals(0, Cli.run("verify", ezp, wav).exit(), c[0]);
        }
        assertTrue(Files.size(dir.resolve("l-1.ezp")) > Files.size(dir.resolve("l-4.ezp")), "the mix codes smaller");
        assertTrue(Files.size(dir.resolve("l-4.ezp")) > Files.size(dir.resolve("l-6.ezp")), "the network codes smaller");
        assertFalse(fingerprint(dir.resolve("l-9.ezp")).equals(large), "the large network only with -m");
    }

    /** On a noisy Neuralink recording levels 7 to 9 take the class histogram (format 9), smaller. */
    @Test
    void levelsSevenToNineTakeTheClassHistogramWhereItCodesSmaller() throws Exception {
        Path wav = TestModels.ROOT.resolve("src/test/resources/golden/nl-noisy.wav");
        Path six = dir.resolve("n-6.ezp");
        assertEquals(0, Cli.run("encode", wav, six).exit());
        for (String level : new String[] {"-7", "-9"}) {
            Path ezp = dir.resolve("n" + level + ".ezp");
            assertEquals(0, Cli.run("encode", level, wav, ezp).exit(), level);
            try (InputStream in = Files.newInputStream(ezp)) {
                assertEquals(StreamHeader.VERSION_9, StreamHeader.read(in).version(), level);
            }
            assertTrue(Files.size(ezp) < Files.size(six), level + " codes smaller than -6");
            Cli i = Cli.run("inspect", ezp);
            assertTrue(i.out().contains("format version:    9") && i.out().contains("class histogram:"), i.toString());
            assertFalse(Cli.run("inspect", six).out().contains("class histogram"), "-6 has none");
            Path back = dir.resolve("n" + level + ".wav");
            assertEquals(0, Cli.run("decode", ezp, back).exit(), level);
            assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back), level);
        }
    }

    @Test
    void onAWidebandRecordingLevelsOneToThreeTakeTheFastPath() throws Exception {
        Path wav = TestModels.ROOT.resolve("src/test/resources/residual/nlx-tet3a-excerpt.wav");
        long previous = Long.MAX_VALUE;
        for (String level : new String[] {"-1", "-2", "-3", "-6"}) {
            Path ezp = dir.resolve("w" + level + ".ezp");
            assertEquals(0, Cli.run("encode", level, wav, ezp).exit(), level);
            StreamHeader h;
            try (InputStream in = Files.newInputStream(ezp)) {
                h = StreamHeader.read(in);
            }
            assertEquals(level.equals("-6") ? CoderKind.RESIDUAL : CoderKind.FAST, h.coder(), level);
            Path back = dir.resolve("w" + level + ".wav");
            assertEquals(0, Cli.run("decode", ezp, back).exit(), level);
            assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back), level);
            assertTrue(Files.size(ezp) < previous, level + " codes smaller than the level below it");
            previous = Files.size(ezp);
        }
    }

    @Test
    void compareShowsWhatEachLevelGives() throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Files.write(src.resolve("a.wav"), ephyzip.TestWavs.mono(ephyzip.TestWavs.walk(1, 4000)));
        Cli r = Cli.run("compare", "--no-tools", "--no-ephyzip-variants", src);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("levels (encode -N") && r.out().contains("-1        level-1") && r.out().contains("-3        level-3")
                && r.out().contains("-4, -5    level-4") && r.out().contains("-6        default/arith")
                && r.out().contains("-7 to -9  level-9"), r.out());
    }

    @Test
    void levelsAreOneAtATimeAndNotWithAModel() throws Exception {
        Path wav = TestModels.dataFiles().get(1);
        Path out = dir.resolve("x.ezp");
        Cli two = Cli.run("encode", "-1", "-9", wav, out);
        assertEquals(ExitCodes.USAGE, two.exit(), two.toString());
        assertTrue(two.err().contains("one compression level"), two.toString());
        Cli both = Cli.run("encode", "-1", "--model", TestModels.MODELS.resolve("default.ezm"), wav, out);
        assertEquals(ExitCodes.USAGE, both.exit(), both.toString());
        assertFalse(Files.exists(out));
    }
}
