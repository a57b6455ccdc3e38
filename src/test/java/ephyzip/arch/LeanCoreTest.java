package ephyzip.arch;

import ephyzip.TestModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/codec} (built before the tests, see pom.xml) is the whole codec: small, nothing
 * of training or the tools in it, nothing missing; and the CLI's encode, decode and inspect run
 * with it, picocli and the CLI's own classes only.
 */
class LeanCoreTest {
    private static final Path TARGET = TestModels.ROOT.resolve("target");
    private static final Path CODEC = TARGET.resolve("codec");

    @TempDir
    Path dir;

    private static List<Path> jars(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    @Test
    void codecFolderIsSmallAndHoldsNoTrainingOrToolLibrary() throws Exception {
        List<Path> jars = jars(CODEC);
        assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().startsWith("ephyzip-codec")), "" + jars);
        long bytes = 0;
        for (Path j : jars) {
            String n = j.getFileName().toString().toLowerCase();
            for (String banned : new String[] {"deeplearning4j", "nd4j", "javacpp", "jfreechart", "openblas",
                    "picocli", "commons-compress", "datavec"}) {
                assertTrue(!n.contains(banned), j + " does not belong in target/codec");
            }
            bytes += Files.size(j);
        }
        assertTrue(bytes <= 5 << 20, "target/codec holds " + bytes + " bytes");
    }

    @Test
    void jdepsFindsNothingMissing() throws Exception {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        List<String> args = new ArrayList<>(List.of("--multi-release", "17", "--missing-deps", "-cp",
                CODEC.resolve("*").toString()));
        jars(CODEC).forEach(p -> args.add(p.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = jdeps.run(new PrintStream(out), new PrintStream(err), args.toArray(String[]::new));
        String text = out + "" + err;
        assertEquals(0, rc, text);
        assertTrue(!text.contains("not found"), text);
    }

    /** The CLI's classes alone (no train, compare or bench package), in a folder of their own. */
    private Path cliClasses() throws Exception {
        Path classes = TARGET.resolve("classes");
        Path out = dir.resolve("cli-classes");
        try (Stream<Path> s = Files.walk(classes.resolve("ephyzip/cli"))) {
            for (Path p : s.toList()) {
                Path to = out.resolve(classes.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return out;
    }

    private static int run(String cp, Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "ephyzip.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
    }

    @Test
    void encodeDecodeInspectAndTestRunOnTheCodecAlone() throws Exception {
        String cp = cliClasses() + java.io.File.pathSeparator + CODEC.resolve("*") + java.io.File.pathSeparator
                + TARGET.resolve("cli-lib").resolve("*");
        Path wav = TestModels.dataFiles().get(0);
        Path ezp = dir.resolve("a.ezp");
        Path back = dir.resolve("a.wav");
        Path log = dir.resolve("log.txt");
        String model = TestModels.MODELS.resolve("default.ezm").toString();
        assertEquals(0, run(cp, log, "encode", "--model", model, wav.toString(), ezp.toString()), Files.readString(log));
        assertEquals(0, run(cp, log, "decode", "--model", model, ezp.toString(), back.toString()), Files.readString(log));
        assertEquals(-1, Files.mismatch(wav, back));
        assertEquals(0, run(cp, log, "inspect", ezp.toString()), Files.readString(log));
        assertEquals(0, run(cp, log, "test", "--model", model, ezp.toString()), Files.readString(log));
        // train needs DL4J: a message, not a stack trace
        int rc = run(cp, log, "train", "--kind", "bigram", "--data", wav.toString(), "--out",
                dir.resolve("m.ezm").toString());
        String text = Files.readString(log);
        assertEquals(1, rc, text);
        assertTrue(text.contains("needs the training and tool libraries") && !text.contains("\tat "), text);
    }
}
