package ephyzip.cli;

import ephyzip.TestModels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The habits of gzip, xz and flac: default names, standard input and output, test, umask. */
class HabitsTest {
    private static String model;
    private static Path wav;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        model = TestModels.MODELS.resolve("bigram.ezm").toString();
        wav = TestModels.dataFiles().get(1);
    }

    /** Runs ephyzip in a child process through sh (for umask and redirections); returns its exit code. */
    private int sh(String script) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' ephyzip.cli.Main";
        Process p = new ProcessBuilder("sh", "-c", script.replace("EPHYZIP", cmd)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sh.log").toFile()).start();
        return p.waitFor();
    }

    private String log() throws Exception {
        return Files.readString(dir.resolve("sh.log"));
    }

    @Test
    void outputsAreNamedAfterTheirInputs() throws Exception {
        Path in = dir.resolve("rec.wav");
        Files.copy(wav, in);
        Cli e = Cli.run("encode", "--model", model, in);
        assertEquals(0, e.exit(), e.toString());
        Path ezp = dir.resolve("rec.wav.ezp");
        assertTrue(Files.exists(ezp));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("rec.wav.ezp");
        Files.move(ezp, elsewhere);
        Cli d = Cli.run("decode", "--model", model, elsewhere);
        assertEquals(0, d.exit(), d.toString());
        assertEquals(-1, Files.mismatch(in, elsewhere.resolveSibling("rec.wav")));
        // an existing output is kept unless --force
        Files.write(in.resolveSibling("rec.wav.ezp"), new byte[] {7});
        Cli again = Cli.run("encode", "--model", model, in);
        assertEquals(ExitCodes.USAGE, again.exit(), again.toString());
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(in.resolveSibling("rec.wav.ezp")));
        assertEquals(0, Cli.run("encode", "--model", model, "--force", in).exit());
        assertEquals(-1, Files.mismatch(in.resolveSibling("rec.wav.ezp"), elsewhere));
        // several files at once, each beside itself
        Path second = dir.resolve("second.wav");
        Files.copy(TestModels.dataFiles().get(2), second);
        Files.delete(in.resolveSibling("rec.wav.ezp"));
        assertEquals(0, Cli.run("encode", "--model", model, in, second).exit());
        assertTrue(Files.exists(dir.resolve("rec.wav.ezp")) && Files.exists(dir.resolve("second.wav.ezp")));
        // a stream without the .ezp name cannot name its output
        Files.copy(elsewhere, dir.resolve("noext"));
        assertEquals(ExitCodes.USAGE, Cli.run("decode", "--model", model, dir.resolve("noext")).exit());
    }

    @Test
    void standardInputAndOutput() throws Exception {
        Files.copy(wav, dir.resolve("in.wav"));
        assertEquals(0, sh("EPHYZIP encode --model '" + model + "' -c in.wav > a.ezp"), log());
        assertEquals(0, sh("EPHYZIP encode --model '" + model + "' - < in.wav > b.ezp"), log());
        assertEquals(-1, Files.mismatch(dir.resolve("a.ezp"), dir.resolve("b.ezp")), "same stream either way");
        assertEquals(0, sh("EPHYZIP encode --model '" + model + "' in.wav c.ezp"), log());
        assertEquals(-1, Files.mismatch(dir.resolve("a.ezp"), dir.resolve("c.ezp")), "same stream as to a file");
        assertEquals(0, sh("EPHYZIP decode --model '" + model + "' - < a.ezp > back1.wav"), log());
        assertEquals(0, sh("cat a.ezp | EPHYZIP decode --model '" + model + "' -c - > back2.wav"), log());
        assertEquals(0, sh("EPHYZIP decode --model '" + model + "' - back3.wav < a.ezp"), log());
        for (String b : new String[] {"back1.wav", "back2.wav", "back3.wav"}) {
            assertEquals(-1, Files.mismatch(dir.resolve("in.wav"), dir.resolve(b)), b);
        }
        // a damaged stream from standard input: exit 3 and a message
        byte[] bad = Files.readAllBytes(dir.resolve("a.ezp"));
        bad[bad.length / 2] ^= 0x10;
        Files.write(dir.resolve("bad.ezp"), bad);
        assertEquals(ExitCodes.BAD_INPUT, sh("EPHYZIP decode --model '" + model + "' -c - < bad.ezp > /dev/null"),
                log());
        assertTrue(log().contains("ephyzip: ") && !log().contains("\tat "), log());
    }

    @Test
    void testChecksWithoutWriting() throws Exception {
        Path ezp = dir.resolve("t.ezp");
        assertEquals(0, Cli.run("encode", "--model", model, wav, ezp).exit());
        byte[] good = Files.readAllBytes(ezp);
        List<Path> before = list();
        Cli ok = Cli.run("test", "--model", model, ezp);
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(ok.out().contains("ok"), ok.out());
        Path bad = dir.resolve("bad.ezp");
        byte[] b = good.clone();
        b[b.length / 3] ^= 0x01;
        Files.write(bad, b);
        Path cut = dir.resolve("cut.ezp");
        Files.write(cut, java.util.Arrays.copyOf(good, good.length - 9));
        Path longer = dir.resolve("longer.ezp");
        Files.write(longer, java.util.Arrays.copyOf(good, good.length + 1));
        before = list();
        Cli r = Cli.run("test", "--model", model, ezp, bad, cut, longer);
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.toString());
        assertTrue(r.out().contains(ezp + ": ok"), r.toString());
        for (Path p : new Path[] {bad, cut, longer}) {
            assertTrue(r.err().contains(p + ": "), "names " + p + ": " + r.err());
        }
        assertTrue(r.err().contains("at byte"), "says where: " + r.err());
        assertEquals(before, list(), "test writes nothing");

        // a directory stands for its .ezp files (a test once read it as a file and exited 1)
        Path only = dir.resolve("streams");
        Files.createDirectory(only);
        Files.copy(ezp, only.resolve("a.ezp"));
        Files.copy(bad, only.resolve("b.ezp"));
        Files.copy(wav, only.resolve("not-a-stream.wav"));
        Cli d = Cli.run("test", "--model", model, only);
        assertEquals(ExitCodes.BAD_INPUT, d.exit(), d.toString());
        assertTrue(d.out().contains("a.ezp: ok") && d.err().contains("b.ezp: ") && !d.toString().contains(".wav"),
                d.toString());
    }

    private List<Path> list() throws Exception {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void outputsGetTheUmasksPermissions() throws Exception {
        Files.copy(wav, dir.resolve("p.wav"));
        for (String[] c : new String[][] {{"022", "rw-r--r--"}, {"077", "rw-------"}}) {
            Files.deleteIfExists(dir.resolve("p.wav.ezp"));
            Files.deleteIfExists(dir.resolve("out/p.wav"));
            assertEquals(0, sh("umask " + c[0] + "; EPHYZIP encode --model '" + model + "' p.wav && mkdir -p out && "
                    + "EPHYZIP decode --model '" + model + "' -o out p.wav.ezp"), log());
            for (Path p : new Path[] {dir.resolve("p.wav.ezp"), dir.resolve("out/p.wav")}) {
                assertEquals(c[1], PosixFilePermissions.toString(Files.getPosixFilePermissions(p)),
                        p + " under umask " + c[0]);
            }
        }
    }
}
