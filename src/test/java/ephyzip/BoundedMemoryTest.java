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
 * shipped bigram model (the network version is {@code bin/long-check}, timings in the README), and
 * 1,024 channels with the network model.
 */
class BoundedMemoryTest {
    static final String HEAP = "64m";

    @TempDir
    Path dir;

    private static void runCapped(Path log, String... args) throws Exception {
        runCapped(HEAP, log, args);
    }

    private static void runCapped(String heap, Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", leanClassPath(), "ephyzip.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        assertEquals(0, exit, String.join(" ", args) + " under -Xmx" + heap + ": " + Files.readString(log));
    }

    /**
     * 1,024 wideband channels on the residual path (windows of a Neuralynx excerpt, so that the
     * encoder chooses it): each channel holds about 90 KB of adaptive state, so 128 MB is the
     * promise for them (README "Bounded memory").
     */
    @Test
    void thousandWidebandChannelsOnTheResidualPath() throws Exception {
        short[] s = ephyzip.format.WavFile.parse("n", Files.readAllBytes(ResidualPathTest.NLX)).samples();
        int channels = 1024;
        int n = 1000;
        short[] all = new short[channels * n];
        for (int c = 0; c < channels; c++) {
            int from = (c * 7) % (s.length - n);
            for (int i = 0; i < n; i++) {
                all[i * channels + c] = s[from + i];
            }
        }
        Path wav = dir.resolve("wideband.wav");
        Path ezp = dir.resolve("wideband.ezp");
        Path back = dir.resolve("wideband-back.wav");
        Files.write(wav, TestWavs.multi(channels, all));
        String model = "models/bigram.ezm";
        runCapped("128m", dir.resolve("enc.log"), "encode", "--model", model, wav.toString(), ezp.toString());
        runCapped("128m", dir.resolve("dec.log"), "decode", "--model", model, ezp.toString(), back.toString());
        assertEquals(-1L, Files.mismatch(wav, back), "1,024 wideband channels: decoded file differs");
        assertEquals(ephyzip.stream.CoderKind.RESIDUAL, ephyzip.stream.StreamHeader.read(
                new java.io.ByteArrayInputStream(Files.readAllBytes(ezp))).coder());
    }

    /**
     * The codec's classes, XZ and picocli, as bin/ephyzip runs encode and decode: with the whole
     * test class path (hundreds of jars) the JVM keeps their directories on the heap, which is
     * not the codec's memory.
     */
    private static String leanClassPath() {
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(e).getFileName().toString();
            if (e.endsWith("classes") && !e.endsWith("test-classes") || name.startsWith("xz-")
                    || name.startsWith("picocli-")) {
                cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(e);
            }
        }
        return cp.toString();
    }

    private void roundTrip(String name, int channels, long samplesPerChannel) throws Exception {
        roundTrip(name, channels, samplesPerChannel, "models/bigram.ezm");
    }

    private void roundTrip(String name, int channels, long samplesPerChannel, String model) throws Exception {
        Path wav = dir.resolve(name + ".wav");
        Path ezp = dir.resolve(name + ".ezp");
        Path back = dir.resolve(name + "-back.wav");
        Splice.write(wav, channels, samplesPerChannel, TestModels.dataFiles());
        long t0 = System.nanoTime();
        runCapped(dir.resolve("enc.log"), "encode", "--model", model, wav.toString(), ezp.toString());
        long t1 = System.nanoTime();
        runCapped(dir.resolve("dec.log"), "decode", "--model", model, ezp.toString(), back.toString());
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

    /** 1,024 channels, each with its own network state (the model's weights are shared). */
    @Test
    void thousandChannelsWithTheNetwork() throws Exception {
        roundTrip("1024-channels-network", 1024, 1000, "models/default.ezm");
    }

    @Test
    void twoHundredFiftySixChannels() throws Exception {
        roundTrip("256-channels", 256, 5L * Comparison.IMPLANT_RATE);
    }
}
