package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ephyzip.TestModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines {@link QuickLine} reads build the command picocli builds; the rest go to picocli. */
class QuickLineTest {
    /** The options' own classes, compared field by field; everything else with equals. */
    private static final Set<Class<?>> MIXINS = Set.of(ModelOption.class, FileOptions.class, LevelOption.class);

    private static final List<String[]> QUICK = List.of(
            new String[] {"decode", "a.ezp"},
            new String[] {"decode", "a.ezp", "a.wav"},
            new String[] {"decode", "-f", "a.ezp", "b.ezp", "c.ezp"},
            new String[] {"decode", "--force", "--stdout", "a.ezp"},
            new String[] {"decode", "-c", "-"},
            new String[] {"decode", "-o", "out", "a.ezp", "dir"},
            new String[] {"decode", "--output-dir", "out", "--threads", "3", "-m", "m.ezm", "a.ezp"},
            new String[] {"decode", "--model", "m.ezm", "a.ezp", "-f"},
            new String[] {"encode", "a.wav"},
            new String[] {"encode", "a.wav", "a.ezp"},
            new String[] {"encode", "-9", "-f", "a.wav"},
            new String[] {"encode", "--best", "a.wav"},
            new String[] {"encode", "--fast", "-c", "a.wav"},
            new String[] {"encode", "-1", "-9", "a.wav"}, // two levels: both record the conflict for call()
            new String[] {"encode", "-3", "--threads", "1", "-o", "o", "x", "y"},
            new String[] {"encode", "-m", "m.ezm", "a.wav"});

    private static final List<String[]> PICOCLI = List.of(
            new String[] {"decode"},
            new String[] {"decode", "-f"},
            new String[] {"decode", "-h", "a.ezp"},
            new String[] {"decode", "--help"},
            new String[] {"decode", "--from", "1", "a.ezp", "b.wav"},
            new String[] {"decode", "--threads=2", "a.ezp"},
            new String[] {"decode", "--threads", "two", "a.ezp"},
            new String[] {"decode", "--threads", "-2", "a.ezp"},
            new String[] {"decode", "-fc", "a.ezp"},
            new String[] {"decode", "-f", "-f", "a.ezp"},
            new String[] {"decode", "-o", "x", "--output-dir", "y", "a.ezp"},
            new String[] {"decode", "-o"},
            new String[] {"decode", "-o", "-f", "a.ezp"},
            new String[] {"decode", "--", "-a.ezp"},
            new String[] {"decode", "@args"},
            new String[] {"decode", "-9", "a.ezp"},
            new String[] {"decode", "--debug", "a.ezp"},
            new String[] {"--debug", "decode", "a.ezp"},
            new String[] {"encode", "--coder", "rank", "a.wav"},
            new String[] {"encode", "-1", "--fast", "a.wav"},
            new String[] {"encode", "-0", "a.wav"},
            new String[] {"encode", "--verify", "a.wav"},
            new String[] {"test", "a.ezp"},
            new String[] {"inspect", "a.ezp"});

    @Test
    void buildsTheCommandPicocliBuilds() throws Exception {
        for (String[] args : QUICK) {
            Object quick = QuickLine.parse(args, new PrintWriter(new StringWriter()));
            assertNotNull(quick, String.join(" ", args));
            Object picocli = Main.commandLine(args).parseArgs(args).subcommand().commandSpec().userObject();
            assertSameFields(picocli, quick, String.join(" ", args));
        }
    }

    @Test
    void leavesEveryOtherLineToPicocli() {
        for (String[] args : PICOCLI) {
            assertNull(QuickLine.parse(args, new PrintWriter(new StringWriter())), String.join(" ", args));
        }
    }

    @Test
    void runsAndFailsAsThroughPicocli(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.ezm");
        Files.write(model, TestModels.bigram().bytes());
        Path wav = TestModels.dataFiles().get(0);
        Path quickStream = dir.resolve("q.ezp");
        Path picoStream = dir.resolve("p.ezp");
        assertEquals(0, Cli.run("encode", "-m", model, wav, quickStream).exit());
        assertEquals(0, Cli.viaPicocli("encode", "-m", model, wav, picoStream).exit());
        assertArrayEquals(Files.readAllBytes(picoStream), Files.readAllBytes(quickStream));
        Path back = dir.resolve("back.wav");
        assertEquals(0, Cli.run("decode", "-m", model, quickStream, back).exit());
        assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back));
        // failures: the same exit code and message either way in
        Files.write(dir.resolve("bad.ezp"), new byte[] {1, 2, 3});
        for (Object[] args : new Object[][] {
                {"decode", "-m", model, dir.resolve("bad.ezp"), dir.resolve("bad.wav")},
                {"decode", dir.resolve("missing.ezp")},
                {"decode", "-m", dir.resolve("missing.ezm"), quickStream, dir.resolve("x.wav")},
                {"encode", "-1", "-9", wav, dir.resolve("x.ezp")},
                {"encode", "-m", model, "-9", wav, dir.resolve("x.ezp")},
                {"decode", quickStream, back}}) { // exists: -f not given
            Cli q = Cli.run(args);
            Cli p = Cli.viaPicocli(args);
            assertEquals(p.exit(), q.exit(), q + "\nagainst\n" + p);
            assertEquals(p.err(), q.err());
        }
    }

    private static void assertSameFields(Object expected, Object actual, String line) throws Exception {
        assertEquals(expected.getClass(), actual.getClass(), line);
        for (Field f : expected.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("spec") || f.getName().equals("err")) {
                continue;
            }
            f.setAccessible(true);
            Object e = f.get(expected);
            Object a = f.get(actual);
            if (e != null && MIXINS.contains(f.getType())) {
                assertNotNull(a, line + ": " + f.getName());
                assertSameFields(e, a, line + " / " + f.getName());
            } else {
                assertEquals(e, a, line + ": field " + f.getName());
            }
        }
    }
}
