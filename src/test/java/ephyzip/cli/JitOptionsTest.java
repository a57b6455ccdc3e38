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
        for (int i = 0; i < 4; i++) { // four 5-s Neuralink recordings: 394,000 samples, past the network's limit
            Files.copy(grid, streams.resolve(i + ".ezp"));
        }

        assertEquals(C1, options("decode", residual.toString()));
        assertEquals(C1, options("test", "--threads", "1", "-f", residual.toString(), "-o", "out"), "options are skipped");
        assertEquals(C1, options("decode", grid.toString()), "one Neuralink recording on one core");
        assertEquals("", options("decode", streams.toString()), "a directory stands for its streams");
        assertEquals("", options("decode", "-"), "standard input cannot be told");
        assertEquals("", options("encode", wav.toString()), "only decode, test and verify");
        assertEquals("", options("decode", wav.toString()), "not a stream: nothing counted, nothing chosen");
        assertEquals("", options(Map.of("EPHYZIP_JAVA_OPTS", "-Dephyzip.scalar=false"), "decode", residual.toString()),
                "a choice of the user's stands");
    }
}
