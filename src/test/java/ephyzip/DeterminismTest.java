package ephyzip;

import ephyzip.format.WavFile;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encoder and decoder agree bit for bit across JVMs with different processor counts, and across
 * threads of one JVM, with the network model.
 */
class DeterminismTest {
    @TempDir
    Path dir;

    /**
     * Runs the CLI in a fresh JVM: with 2 processors on the vector units (as bin/ephyzip runs), with
     * 1 processor on the scalar loop (no jdk.incubator.vector module), so that every comparison
     * below is also one of the two inference paths. {@link #runJvmNarrowVectors} adds 128-bit lanes.
     */
    private static int runJvm(int processors, String... args) throws Exception {
        return runJvm(processors, processors == 2 ? List.of("--add-modules", "jdk.incubator.vector") : List.of(), args);
    }

    /** The vector path with vectors of 4 ints (AVX without AVX2) instead of the machine's widest. */
    private static int runJvmNarrowVectors(String... args) throws Exception {
        return runJvm(1, List.of("--add-modules", "jdk.incubator.vector", "-XX:UseAVX=1"), args);
    }

    private static int runJvm(int processors, List<String> options, String... args) throws Exception {
        return runJvm(Path.of(System.getProperty("java.home"), "bin", "java"), processors, options, args);
    }

    /** With another Java installation, two processors and the vector module. */
    private static int runJvm(Path java, List<String> options, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector"));
        all.addAll(options);
        return runJvm(java, 2, all, args);
    }

    private static int runJvm(Path java, int processors, List<String> options, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:ActiveProcessorCount=" + processors));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "ephyzip.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor();
    }

    @Test
    void encodeAndDecodeAgreeAcrossJvmsAndProcessorCounts() throws Exception {
        Path model = dir.resolve("cnn.ezm");
        Files.write(model, TestModels.cnn().bytes());
        Path wav = TestModels.dataFiles().get(4);
        for (String coder : List.of("arith", "rank", "fast")) {
            Path a = dir.resolve(coder + "-2cpu.ezp");
            Path b = dir.resolve(coder + "-1cpu.ezp");
            Path back = dir.resolve(coder + "-back.wav");
            assertEquals(0, runJvm(2, "encode", "--model", model.toString(), "--coder", coder, wav.toString(),
                    a.toString()));
            assertEquals(0, runJvm(1, "encode", "--model", model.toString(), "--coder", coder, wav.toString(),
                    b.toString()));
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), coder + ": streams differ across JVMs");
            Path c = dir.resolve(coder + "-avx1.ezp");
            assertEquals(0, runJvmNarrowVectors("encode", "--model", model.toString(), "--coder", coder, wav.toString(),
                    c.toString()));
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(c), coder + ": streams differ with 128-bit lanes");
            Path v256 = dir.resolve(coder + "-256.ezp");
            assertEquals(0, runJvm(1, List.of("--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=32"), "encode",
                    "--model", model.toString(), "--coder", coder, wav.toString(), v256.toString()));
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(v256), coder + ": streams differ with 256-bit lanes");
            assertEquals(0, runJvm(1, "decode", "--model", model.toString(), a.toString(), back.toString()));
            assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back), coder + ": decode in another JVM");
            // as bin/ephyzip decodes short streams: the first compiler alone, the scalar loops
            Path c1 = dir.resolve(coder + "-c1.wav");
            assertEquals(0, runJvm(1, List.of("-XX:TieredStopAtLevel=1"), "decode", "--model", model.toString(),
                    a.toString(), c1.toString()));
            assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(c1), coder + ": decode with C1 alone");
            // as bin/ephyzip encodes small inputs: the first compiler alone, the scalar loops
            Path c1Stream = dir.resolve(coder + "-c1.ezp");
            assertEquals(0, runJvm(1, List.of("-XX:TieredStopAtLevel=1", "-Dephyzip.scalar=true"), "encode", "--model",
                    model.toString(), "--coder", coder, wav.toString(), c1Stream.toString()));
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(c1Stream), coder + ": encode with C1 alone");
            // and the in-process encoder writes the same stream
            Codec codec = new Codec(TestModels.cnn());
            byte[] here = codec.encode(WavFile.parse("w", Files.readAllBytes(wav)), CoderKind.valueOf(coder.toUpperCase()));
            assertArrayEquals(Files.readAllBytes(a), here, coder + ": in-process stream differs");
        }
    }

    /**
     * Over more than a million samples, the per-channel learning of format 4's mixer (and the
     * rest of the adaptive state) stays identical across JVMs, processor counts and inference paths.
     */
    @Test
    void millionSampleRecordingAgreesAcrossJvms() throws Exception {
        Path model = dir.resolve("cnn.ezm");
        Files.write(model, TestModels.cnn().bytes());
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int rep = 0; rep < 2; rep++) { // the six bundled recordings twice: 1.19 M samples
            for (Path p : TestModels.dataFiles()) {
                for (short v : WavFile.parse("d", Files.readAllBytes(p)).channel(0)) {
                    all.write(v & 0xFF);
                    all.write((v >> 8) & 0xFF);
                }
            }
        }
        byte[] pcm = all.toByteArray();
        short[] samples = new short[pcm.length / 2];
        java.nio.ByteBuffer.wrap(pcm).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        assertTrue(samples.length >= 1_000_000, "a million samples: " + samples.length);
        Path wav = dir.resolve("long.wav");
        Files.write(wav, TestWavs.mono(samples));
        Path a = dir.resolve("long-2cpu.ezp");
        Path b = dir.resolve("long-1cpu.ezp");
        Path back = dir.resolve("long-back.wav");
        assertEquals(0, runJvm(2, "encode", "--model", model.toString(), wav.toString(), a.toString()));
        assertEquals(0, runJvm(1, "encode", "--model", model.toString(), wav.toString(), b.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "1.19 M samples: streams differ across JVMs");
        assertEquals(0, runJvm(1, "decode", "--model", model.toString(), a.toString(), back.toString()));
        assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back), "1.19 M samples: decode in another JVM");
        // as bin/ephyzip decodes long network jobs: the second compiler alone, the vector units
        Path c2 = dir.resolve("long-c2.wav");
        assertEquals(0, runJvm(2, List.of("--add-modules", "jdk.incubator.vector", "-XX:-TieredCompilation"), "decode",
                "--model", model.toString(), a.toString(), c2.toString()));
        assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(c2), "1.19 M samples: decode with C2 alone");
    }

    /**
     * The residual path's least-squares stage computes in doubles: the interpreter, the JIT with
     * and without wide vectors, and another Java release (where installed) write the same stream
     * from a real wideband recording and from a 3-channel one in short frames.
     */
    @Test
    void residualPathAgreesAcrossJvmsInterpreterAndReleases() throws Exception {
        Path model = dir.resolve("cnn.ezm");
        Files.write(model, TestModels.cnn().bytes());
        Path nlx = ResidualPathTest.NLX;
        Path multi = dir.resolve("three.wav");
        short[] s = WavFile.parse("n", Files.readAllBytes(nlx)).samples();
        short[] three = new short[3 * 4000];
        for (int i = 0; i < 4000; i++) {
            for (int c = 0; c < 3; c++) {
                three[3 * i + c] = s[i + 2000 * c];
            }
        }
        Files.write(multi, TestWavs.multi(3, three));
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        for (Path wav : List.of(nlx, multi)) {
            String name = wav.getFileName().toString();
            List<String> enc = List.of("encode", "--model", model.toString(), "--coder", "residual", "--frame", "1000");
            Path a = dir.resolve(name + "-2cpu.ezp");
            assertEquals(0, runJvm(2, args(enc, wav, a)));
            byte[] reference = Files.readAllBytes(a);
            Path b = dir.resolve(name + "-xint.ezp");
            assertEquals(0, runJvm(1, List.of("-Xint"), args(enc, wav, b)));
            assertArrayEquals(reference, Files.readAllBytes(b), name + ": the interpreter wrote another stream");
            Path c1 = dir.resolve(name + "-c1.ezp");
            assertEquals(0, runJvm(1, List.of("-XX:TieredStopAtLevel=1"), args(enc, wav, c1)));
            assertArrayEquals(reference, Files.readAllBytes(c1), name + ": C1 alone wrote another stream");
            Path c = dir.resolve(name + "-avx1.ezp");
            assertEquals(0, runJvmNarrowVectors(args(enc, wav, c)));
            assertArrayEquals(reference, Files.readAllBytes(c), name + ": 128-bit lanes wrote another stream");
            if (Files.isExecutable(java25)) {
                Path d = dir.resolve(name + "-25.ezp");
                assertEquals(0, runJvm(java25, List.of(), args(enc, wav, d)));
                assertArrayEquals(reference, Files.readAllBytes(d), name + ": Java 25 wrote another stream");
            }
            Path back = dir.resolve(name + "-back.wav");
            assertEquals(0, runJvm(1, List.of("-Xint"), "decode", "--model", model.toString(), a.toString(),
                    back.toString()));
            assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back), name + ": decode in the interpreter");
        }
    }

    /**
     * Level 9's long LMS stage (format 8): the same stream from the vector JIT on two CPUs, the
     * interpreter on one and Java 25 where installed, and the decode in the interpreter.
     */
    @Test
    void longPresetsAgreeAcrossJvms() throws Exception {
        Path wav = dir.resolve("long.wav");
        Files.write(wav, ResidualPathTest.longStructure(31, 20_000));
        List<String> enc = List.of("encode", "-9", "--frame", "3000");
        Path a = dir.resolve("long-2cpu.ezp");
        assertEquals(0, runJvm(2, args(enc, wav, a)));
        byte[] reference = Files.readAllBytes(a);
        assertEquals(StreamHeader.VERSION_8, reference[4], "a long preset was taken");
        Path b = dir.resolve("long-xint.ezp");
        assertEquals(0, runJvm(1, List.of("-Xint"), args(enc, wav, b)));
        assertArrayEquals(reference, Files.readAllBytes(b), "the interpreter wrote another stream");
        java25WritesTheSame(enc, wav, dir.resolve("long-25.ezp"), reference);
        Path back = dir.resolve("long-back.wav");
        assertEquals(0, runJvm(1, List.of("-Xint"), "decode", a.toString(), back.toString()));
        assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back), "decode in the interpreter");
    }

    /**
     * Levels 7 to 9's class histogram (format 9): the same stream from the vector JIT on two CPUs,
     * the scalar loops on one, the first compiler alone and Java 25 where installed; the decode
     * in another JVM.
     */
    @Test
    void classHistogramAgreesAcrossJvms() throws Exception {
        Path wav = TestModels.ROOT.resolve("src/test/resources/golden/nl-noisy.wav"); // where -9 takes it
        levelAgreesAcrossJvms("-9", wav, "h", StreamHeader.VERSION_9, List.of());
    }

    /**
     * Levels 4 and 5's mix of the bigram table alone (format 10): the same stream from the vector
     * JIT on two CPUs, the scalar loops on one, the first compiler alone and Java 25 where
     * installed; the decode in the interpreter.
     */
    @Test
    void bigramMixAgreesAcrossJvms() throws Exception {
        Path wav = TestModels.ROOT.resolve("src/test/resources/golden/nl-noisy.wav");
        levelAgreesAcrossJvms("-4", wav, "m", StreamHeader.VERSION_10, List.of("-Xint"));
    }

    /**
     * {@code encode level} of {@code wav} writes format {@code version}, the same stream on two
     * CPUs (vector JIT), one (scalar loops), the first compiler alone and Java 25 where installed;
     * it decodes in another JVM started with {@code decodeOptions}.
     */
    private void levelAgreesAcrossJvms(String level, Path wav, String name, int version, List<String> decodeOptions)
            throws Exception {
        List<String> enc = List.of("encode", level);
        Path a = dir.resolve(name + "-2cpu.ezp");
        assertEquals(0, runJvm(2, args(enc, wav, a)));
        byte[] reference = Files.readAllBytes(a);
        assertEquals(version, reference[4], "format " + version);
        Path b = dir.resolve(name + "-1cpu.ezp");
        assertEquals(0, runJvm(1, args(enc, wav, b)));
        assertArrayEquals(reference, Files.readAllBytes(b), "the scalar loops wrote another stream");
        Path c1 = dir.resolve(name + "-c1.ezp");
        assertEquals(0, runJvm(1, List.of("-XX:TieredStopAtLevel=1", "-Dephyzip.scalar=true"), args(enc, wav, c1)));
        assertArrayEquals(reference, Files.readAllBytes(c1), "the first compiler alone wrote another stream");
        java25WritesTheSame(enc, wav, dir.resolve(name + "-25.ezp"), reference);
        Path back = dir.resolve(name + "-back.wav");
        assertEquals(0, runJvm(1, decodeOptions, "decode", a.toString(), back.toString()));
        assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back), "decode in another JVM");
    }

    /** Where Java 25 is installed: {@code enc} of {@code wav} on it writes {@code reference}. */
    private static void java25WritesTheSame(List<String> enc, Path wav, Path out, byte[] reference) throws Exception {
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        if (Files.isExecutable(java25)) {
            assertEquals(0, runJvm(java25, List.of(), args(enc, wav, out)));
            assertArrayEquals(reference, Files.readAllBytes(out), "Java 25 wrote another stream");
        }
    }

    private static String[] args(List<String> head, Path in, Path out) {
        List<String> all = new ArrayList<>(head);
        all.add(in.toString());
        all.add(out.toString());
        return all.toArray(new String[0]);
    }

    @Test
    void multiChannelShortFramesAgreeAcrossJvms() throws Exception {
        Path model = dir.resolve("cnn.ezm");
        Files.write(model, TestModels.cnn().bytes());
        Path wav = dir.resolve("eight.wav");
        Files.write(wav, TestWavs.multi(8, TestWavs.walks(8, 8, 3000)));
        Path a = dir.resolve("eight-2cpu.ezp");
        Path b = dir.resolve("eight-1cpu.ezp");
        Path back = dir.resolve("eight-back.wav");
        assertEquals(0, runJvm(2, "encode", "--model", model.toString(), "--frame", "200", wav.toString(), a.toString()));
        assertEquals(0, runJvm(1, "encode", "--model", model.toString(), "--frame", "200", wav.toString(), b.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "8 channels: streams differ across JVMs");
        assertEquals(0, runJvm(1, "decode", "--model", model.toString(), a.toString(), back.toString()));
        assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back), "8 channels: decode in another JVM");
    }

    @Test
    void parallelEncodersProduceIdenticalStreams() throws Exception {
        Codec codec = new Codec(TestModels.cnn());
        WavFile w = WavFile.parse("w", Files.readAllBytes(TestModels.dataFiles().get(5)));
        byte[] reference = codec.encode(w, CoderKind.ARITH);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> fs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fs.add(pool.submit(() -> codec.encode(w, CoderKind.ARITH)));
            }
            for (Future<byte[]> f : fs) {
                assertArrayEquals(reference, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
