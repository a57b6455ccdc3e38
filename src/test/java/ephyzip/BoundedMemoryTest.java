package ephyzip;

import ephyzip.bench.Splice;
import ephyzip.compare.Comparison;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-hour recording and a 256-channel recording round-trip through the CLI in JVMs whose heap
 * is capped at {@link #HEAP}, far below the size of the files: encode and decode stream. Uses the
 * shipped bigram model (the network version is {@code bin/long-check}, timings in the README).
 */
class BoundedMemoryTest {
    static final String HEAP = "64m";

    @TempDir
    Path dir;

    private static void runCapped(Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-cp", System.getProperty("java.class.path"), "ephyzip.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        assertEquals(0, exit, String.join(" ", args) + " under -Xmx" + HEAP + ": " + Files.readString(log));
    }

    private void roundTrip(String name, int channels, long samplesPerChannel) throws Exception {
        Path wav = dir.resolve(name + ".wav");
        Path ezp = dir.resolve(name + ".ezp");
        Path back = dir.resolve(name + "-back.wav");
        Splice.write(wav, channels, samplesPerChannel, TestModels.dataFiles());
        long t0 = System.nanoTime();
        runCapped(dir.resolve("enc.log"), "encode", "--model", "models/bigram.ezm", wav.toString(), ezp.toString());
        long t1 = System.nanoTime();
        runCapped(dir.resolve("dec.log"), "decode", "--model", "models/bigram.ezm", ezp.toString(), back.toString());
        long t2 = System.nanoTime();
        assertEquals(-1L, Files.mismatch(wav, back), name + ": decoded file differs");
        System.out.printf(Locale.ROOT, "%s: %d channels x %d samples, %,d bytes -> %,d (ratio %.3f without the model),"
                        + " encode %.1f s, decode %.1f s, heap %s%n", name, channels, samplesPerChannel, Files.size(wav),
                Files.size(ezp), (double) Files.size(wav) / Files.size(ezp), (t1 - t0) / 1e9, (t2 - t1) / 1e9, HEAP);
    }

    @Test
    void oneHourMono() throws Exception {
        roundTrip("one-hour", 1, 3600L * Comparison.IMPLANT_RATE);
    }

    @Test
    void twoHundredFiftySixChannels() throws Exception {
        roundTrip("256-channels", 256, 5L * Comparison.IMPLANT_RATE);
    }
}
