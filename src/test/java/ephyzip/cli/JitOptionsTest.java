package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ephyzip.TestModels;
import ephyzip.TestWavs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/jit-options}, which bin/ephyzip asks for the JVM options of a command: the first
 * compiler alone for a decode of short streams, the JVM's default otherwise. Run on one core
 * ({@code taskset -c 0}), where the network's limit applies.
 */
class JitOptionsTest {
    private static final String C1 = "-XX:+IgnoreUnrecognizedVMOptions -XX:TieredStopAtLevel=1 -Dephyzip.scalar=true";
    private static final String C2 = "-XX:+IgnoreUnrecognizedVMOptions -XX:-TieredCompilation";

    @TempDir
    Path dir;

    @BeforeEach
    void needsTaskset() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/taskset")), "taskset (util-linux) is not installed");
    }

    private String options(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("taskset", "-c", "0", "bash", Path.of("bin", "jit-options").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("EPHYZIP_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private String options(String... args) throws Exception {
        return options(Map.of(), args);
    }

    @Test
    void shortStreamsGetTheFirstCompilerAloneLongOnesTheDefault() throws Exception {
        Path wav = dir.resolve("walk.wav");
        Files.write(wav, TestWavs.mono(TestWavs.walk(3, 50_000)));
        Path residual = dir.resolve("r.ezp");
        assertEquals(0, Cli.run("encode", "--coder", "residual", wav, residual).exit());
        Path grid = dir.resolve("g.ezp");
        assertEquals(0, Cli.run("encode", TestModels.dataFiles().get(0), grid).exit());
        Path streams = Files.createDirectories(dir.resolve("four"));
        for (int i = 0; i < 4; i++) { // four 5-s Neuralink recordings, large network: past the network's limit
            Path large = streams.resolve(i + ".ezp");
            assertEquals(0, Cli.run("encode", "-m", TestModels.MODELS.resolve("large.ezm"), TestModels.dataFiles().get(i),
                    large).exit());
        }
        Path small = Files.createDirectories(dir.resolve("small"));
        for (int i = 0; i < 12; i++) { // the small network: ten 5-s recordings are short, twelve not
            Files.copy(grid, small.resolve(i + ".ezp"));
        }
        List<String> ten = new ArrayList<>(List.of("decode"));
        for (int i = 0; i < 10; i++) {
            ten.add(small.resolve(i + ".ezp").toString());
        }

        assertEquals(C1, options("decode", residual.toString()));
        assertEquals(C1, options("test", "--threads", "1", "-f", residual.toString(), "-o", "out"), "options are skipped");
        assertEquals(C1, options("decode", grid.toString()), "one Neuralink recording on one core");
        assertEquals("", options("decode", streams.toString()), "a directory stands for its streams");
        assertEquals(C1, options(ten.toArray(new String[0])), "the small network's samples count less");
        assertEquals("", options("decode", small.toString()), "twelve recordings of the small network");
        for (int i = 12; i < 21; i++) { // 21: past twice the limit, a long job
            Files.copy(grid, small.resolve(i + ".ezp"));
        }
        assertEquals(C2, options("decode", small.toString()), "a long job: the second compiler alone");
        assertEquals("", options(Map.of("EPHYZIP_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "decode", small.toString()),
                "a choice of the user's stands");
        assertEquals("", options("decode", "-"), "standard input cannot be told");
        assertEquals("", options("inspect", grid.toString()), "only encode, decode, test and verify");
        assertEquals("", options("decode", wav.toString()), "not a stream: nothing counted, nothing chosen");
        assertEquals("", options(Map.of("EPHYZIP_JAVA_OPTS", "-Dephyzip.scalar=false"), "decode", residual.toString()),
                "a choice of the user's stands");
    }

    @Test
    void smallEncodesGetTheFirstCompilerAloneLargeOnesTheDefault() throws Exception {
        Path wav = dir.resolve("small.wav");
        Files.write(wav, TestWavs.mono(TestWavs.walk(5, 200_000)));
        Path big = Files.createDirectories(dir.resolve("big"));
        Files.write(big.resolve("big.wav"), TestWavs.mono(TestWavs.walk(6, 1_600_000))); // past 1.5 M samples a core
        assertEquals(C1, options("encode", wav.toString()));
        assertEquals(C1, options("encode", "-9", "--frame", "4096", "-f", wav.toString(), dir.resolve("out.ezp").toString()));
        assertEquals("", options("encode", big.toString()), "a directory stands for its recordings");
        assertEquals(C1, options("encode", "-o", big.toString(), wav.toString()), "an option's value is not an input");
        assertEquals("", options("encode", "-"), "standard input cannot be told");
        assertEquals("", options(Map.of("EPHYZIP_JAVA_OPTS", "-Dephyzip.scalar=false"), "encode", wav.toString()),
                "a choice of the user's stands");
    }

    @Test
    void theSmallNetworkIsTheShippedDefault() throws Exception {
        String fp = TestModels.cnn().fingerprint();
        StringBuilder bytes = new StringBuilder();
        for (int k = 0; k < 16; k += 2) {
            bytes.append(k == 0 ? "" : " ").append(Integer.parseInt(fp.substring(k, k + 2), 16));
        }
        String script = Files.readString(Path.of("bin", "jit-options"));
        assertEquals(true, script.contains("SMALL_NET=\"" + bytes + "\""),
                "bin/jit-options names models/default.ezm's fingerprint " + fp + " as bytes " + bytes);
    }
}
