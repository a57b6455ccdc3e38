package ephyzip.spark;

import ephyzip.TestModels;
import ephyzip.cli.Cli;
import ephyzip.stream.CoderKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive job with {@code local[2]}: the CLI's bytes, round trips, verify, the summary's figures. */
class ArchiveJobTest {
    private static JavaSparkContext sc;
    private static byte[] model;
    private static Path modelPath;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("ephyzip test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
        modelPath = TestModels.MODELS.resolve("bigram.ezm");
        model = Files.readAllBytes(modelPath);
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.close();
        }
    }

    /** An archive: WAVs at two depths and a SpikeGLX pair (every kind the CLI tells by itself). */
    private Path archive() throws Exception {
        Path in = dir.resolve("archive");
        List<Path> wavs = TestModels.dataFiles();
        Files.createDirectories(in.resolve("day1"));
        Files.createDirectories(in.resolve("day2/probe"));
        Files.copy(wavs.get(0), in.resolve("day1/a.wav"));
        Files.copy(wavs.get(1), in.resolve("day1/b.wav"));
        Files.copy(wavs.get(2), in.resolve("day2/c.wav"));
        ephyzip.cli.Fixtures.spikeGlx(in.resolve("day2/probe"), "run_g0_t0.imec0.ap", 8, 2000);
        return in;
    }

    private static List<Path> files(Path root, String suffix) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void encodeDecodeVerifyAndTheSummary() throws Exception {
        Path in = archive();
        Path enc = dir.resolve("encoded");
        Path dec = dir.resolve("decoded");
        Summary s = ArchiveJob.run(sc, ArchiveJob.Mode.ENCODE, in.toUri(), enc.toUri(), model, CoderKind.ARITH);
        assertEquals(List.of(), s.failures());
        assertEquals(4, s.files());
        // each stream is the CLI's, and the figures are the CLI's
        long inBytes = 0;
        long outBytes = 0;
        for (String rel : List.of("day1/a.wav", "day1/b.wav", "day2/c.wav", "day2/probe/run_g0_t0.imec0.ap.bin")) {
            Path cli = dir.resolve("cli-" + rel.replace('/', '-') + ".ezp");
            Cli r = Cli.run("encode", "--model", modelPath, "--coder", "arith", in.resolve(rel), cli);
            assertEquals(0, r.exit(), r.toString());
            assertEquals(-1, Files.mismatch(cli, enc.resolve(rel + ".ezp")), rel + ": the job's stream is the CLI's");
            inBytes += Files.size(in.resolve(rel));
            outBytes += Files.size(cli);
        }
        assertEquals(inBytes, s.inputBytes());
        assertEquals(outBytes, s.outputBytes());
        assertEquals(inBytes / (double) (outBytes + model.length), s.ratio(), 1e-12);
        String json = Files.readString(enc.resolve(ArchiveJob.SUMMARY));
        assertTrue(json.contains("\"inputBytes\": " + inBytes) && json.contains("\"outputBytes\": " + outBytes), json);

        Summary d = ArchiveJob.run(sc, ArchiveJob.Mode.DECODE, enc.toUri(), dec.toUri(), model, CoderKind.ARITH);
        assertEquals(List.of(), d.failures());
        for (Path orig : files(in, ".wav")) {
            assertArrayEquals(Files.readAllBytes(orig), Files.readAllBytes(dec.resolve(in.relativize(orig))));
        }
        Path bin = in.resolve("day2/probe/run_g0_t0.imec0.ap.bin");
        assertEquals(-1, Files.mismatch(bin, dec.resolve(in.relativize(bin))));

        Summary v = ArchiveJob.run(sc, ArchiveJob.Mode.VERIFY, in.toUri(), enc.toUri(), model, CoderKind.ARITH);
        assertEquals(List.of(), v.failures());
        assertEquals(4, v.files());
        // damage one stream: verify names it, the others still pass, and nothing is written
        Path bad = enc.resolve("day1/b.wav.ezp");
        byte[] b = Files.readAllBytes(bad);
        b[b.length / 2] ^= 0x40;
        Files.write(bad, b);
        List<Path> before = files(dir, "");
        Summary v2 = ArchiveJob.run(sc, ArchiveJob.Mode.VERIFY, in.toUri(), enc.toUri(), model, CoderKind.ARITH);
        assertEquals(1, v2.failures().size(), v2.toJson());
        assertEquals("day1/b.wav", v2.failures().get(0).path());
        assertEquals(3, v2.files());
        assertEquals(before, files(dir, ""), "verify writes nothing");
    }

    @Test
    void openEphysAndFlatFilesWithTheirLayout() throws Exception {
        Path in = dir.resolve("lab");
        Path oe = ephyzip.cli.Fixtures.openEphys(in, 9, 2500);
        Path raw = in.resolve("intan/amplifier.dat");
        Files.createDirectories(raw.getParent());
        Files.write(raw, ephyzip.cli.Fixtures.interleaved(8, 2500));
        Path enc = dir.resolve("lab-enc");
        Summary s = ArchiveJob.run(sc, ArchiveJob.Mode.ENCODE, in.toUri(), enc.toUri(), model, CoderKind.ARITH,
                new ephyzip.format.Inputs.Layout(8, 20000));
        assertEquals(List.of(), s.failures());
        assertEquals(2, s.files());
        Path cliOe = dir.resolve("cli-oe.ezp");
        Path cliRaw = dir.resolve("cli-raw.ezp");
        assertEquals(0, Cli.run("encode", "--model", modelPath, oe, cliOe).exit());
        assertEquals(0, Cli.run("encode", "--model", modelPath, "--channels", "8", "--rate", "20000", raw, cliRaw).exit());
        assertEquals(-1, Files.mismatch(cliOe, enc.resolve(in.relativize(oe) + ".ezp")));
        assertEquals(-1, Files.mismatch(cliRaw, enc.resolve("intan/amplifier.dat.ezp")));
        Path dec = dir.resolve("lab-dec");
        assertEquals(List.of(), ArchiveJob.run(sc, ArchiveJob.Mode.DECODE, enc.toUri(), dec.toUri(), model,
                CoderKind.ARITH).failures());
        assertEquals(-1, Files.mismatch(raw, dec.resolve("intan/amplifier.dat")));
        assertEquals(-1, Files.mismatch(oe, dec.resolve(in.relativize(oe))));
    }

    @Test
    void aFailingRecordingDoesNotStopTheOthers() throws Exception {
        Path in = archive();
        Files.write(in.resolve("day1/broken.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Files.delete(in.resolve("day2/probe/run_g0_t0.imec0.ap.meta"));
        Path enc = dir.resolve("encoded");
        Summary s = ArchiveJob.run(sc, ArchiveJob.Mode.ENCODE, in.toUri(), enc.toUri(), model, CoderKind.RANK);
        assertEquals(3, s.files(), s.toJson());
        assertEquals(2, s.failures().size(), s.toJson());
        assertTrue(s.failures().get(0).path().equals("day1/broken.wav"), s.toJson());
        assertTrue(s.failures().get(1).reason().contains(".meta is missing"), s.toJson());
        assertTrue(Files.exists(enc.resolve("day2/c.wav.ezp")));
        assertTrue(Files.notExists(enc.resolve("day1/broken.wav.ezp")), "no output for a failed recording");
        assertTrue(files(enc, ".tmp").isEmpty() && files(enc, "").stream().noneMatch(p -> p.toString().contains(".tmp-")),
                "no temporary files left");
    }

    @Test
    void commandLineGivesExitCodesAndJson() throws Exception {
        Path in = archive();
        Path enc = dir.resolve("enc");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // runs inside this JVM's Spark context's master, as a cluster's spark-submit would pass --master
        assertEquals(2, ArchiveJob.run(new String[] {"frobnicate", "a", "b"}, new PrintStream(out),
                new PrintStream(err)));
        assertTrue(err.toString().contains("unknown mode"), err.toString());
        assertEquals(2, ArchiveJob.run(new String[] {"encode", "--coder", "zip", in.toString(), enc.toString()},
                new PrintStream(out), new PrintStream(err)));
    }
}
