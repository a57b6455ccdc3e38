package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.TestModels;
import ephyzip.TestWavs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} and {@code encode --verify}: for users who delete their originals. */
class VerifyTest {
    @TempDir
    Path dir;

    @Test
    void verifyComparesADecodeWithItsOriginal() throws Exception {
        String model = TestModels.MODELS.resolve("default.ezm").toString();
        Path wav = dir.resolve("a.wav");
        Files.write(wav, TestWavs.mono(TestWavs.walk(5, 20_000)));
        Path ezp = dir.resolve("a.wav.ezp");
        assertEquals(0, Cli.run("encode", "--model", model, "--verify", wav, ezp).exit());

        Cli ok = Cli.run("verify", "--model", model, ezp, wav);
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(ok.out().contains("exactly"), ok.toString());

        byte[] changed = Files.readAllBytes(wav);
        changed[10_001] ^= 4;
        Path other = dir.resolve("other.wav");
        Files.write(other, changed);
        Cli differs = Cli.run("verify", "--model", model, ezp, other);
        assertEquals(ExitCodes.BAD_INPUT, differs.exit(), differs.toString());
        assertTrue(differs.err().contains("from byte 10001"), differs.toString());

        Path longer = dir.resolve("longer.wav");
        Files.write(longer, java.util.Arrays.copyOf(Files.readAllBytes(wav), (int) Files.size(wav) + 3));
        Cli shorter = Cli.run("verify", "--model", model, ezp, longer);
        assertEquals(ExitCodes.BAD_INPUT, shorter.exit(), shorter.toString());
        assertTrue(shorter.err().contains("3 bytes before"), shorter.toString());

        Path cut = dir.resolve("cut.wav");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(wav), 5_000));
        Cli pastEnd = Cli.run("verify", "--model", model, ezp, cut);
        assertEquals(ExitCodes.BAD_INPUT, pastEnd.exit(), pastEnd.toString());
        assertTrue(pastEnd.err().contains("from byte 5000"), pastEnd.toString());

        byte[] s = Files.readAllBytes(ezp);
        s[s.length / 2] ^= 1;
        Path bad = dir.resolve("bad.ezp");
        Files.write(bad, s);
        Cli damaged = Cli.run("verify", "--model", model, bad, wav);
        assertEquals(ExitCodes.BAD_INPUT, damaged.exit(), damaged.toString());
        assertFalse(damaged.err().contains("\tat "), damaged.toString());

        Cli missing = Cli.run("verify", "--model", model, ezp, dir.resolve("nope.wav"));
        assertEquals(ExitCodes.BAD_INPUT, missing.exit(), missing.toString());
    }

    @Test
    void encodeVerifyNeedsAnOutputFile() throws Exception {
        Path wav = dir.resolve("a.wav");
        Files.write(wav, TestWavs.mono(TestWavs.walk(6, 1_000)));
        Cli r = Cli.run("encode", "--model", TestModels.MODELS.resolve("default.ezm"), "--verify", "-c", wav);
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
    }
}
