package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.TestModels;
import ephyzip.TestWavs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code encode --force} killed with SIGKILL at random moments over an existing output: the output
 * is always the old file or the complete new one, never a part; and the next encode removes the
 * temporary files the killed ones left.
 */
class KillTest {
    @TempDir
    Path dir;

    private Process start(Path wav, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "ephyzip.cli.Main", "encode",
                "--force", "--threads", "1", "--coder", "residual", "--model",
                TestModels.MODELS.resolve("default.ezm").toString(), wav.toString(), out.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void killedEncodesLeaveTheOldOutputOrTheNewOneWhole() throws Exception {
        long seed = 20261129L;
        Path wav = dir.resolve("long.wav");
        Files.write(wav, TestWavs.mono(TestWavs.walk(seed, 400_000)));
        Path out = dir.resolve("long.wav.ezp");
        byte[] old = "an older stream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        // the complete output, and how long a whole encode takes here
        long t0 = System.nanoTime();
        Process whole = start(wav, out);
        assertEquals(0, whole.waitFor());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        byte[] expected = Files.readAllBytes(out);

        Random random = new Random(seed);
        int killedMidway = 0;
        for (int i = 0; i < 8; i++) {
            Files.write(out, old);
            long delay = (long) (random.nextDouble() * millis * 1.1);
            Process p = start(wav, out);
            boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
                p.waitFor();
                killedMidway++;
            }
            byte[] now = Files.readAllBytes(out);
            assertTrue(Arrays.equals(now, old) || Arrays.equals(now, expected),
                    "seed " + seed + ", kill " + i + " after " + delay + " ms: output is " + now.length + " bytes");
        }
        assertTrue(killedMidway >= 3, "seed " + seed + ": only " + killedMidway + " kills hit a running encode");

        // SIGTERM (Ctrl-C, a scheduler's stop): the JVM runs its shutdown hooks, which delete the temporary file
        try (var s = Files.list(dir)) {
            for (Path t : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.delete(t);
            }
        }
        Files.write(out, old);
        Process term = start(wav, out);
        if (!term.waitFor(millis / 2, TimeUnit.MILLISECONDS)) {
            term.destroy();
            term.waitFor();
            try (var s = Files.list(dir)) {
                assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                        "a stopped encode removes its temporary file");
            }
            assertArrayEquals(old, Files.readAllBytes(out));
        }

        Process last = start(wav, out);
        assertEquals(0, last.waitFor());
        assertArrayEquals(expected, Files.readAllBytes(out));
        try (var s = Files.list(dir)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), left, "the next encode removes what killed ones left");
        }
    }
}
