package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden streams of src/test/resources/golden (manifest.tsv: one for each coder, path, alphabet
 * record, input kind, channel layout, segment setting, frame setting and restart points, written by ephyzip 0.2.0, 0.3.0 and 0.4.0
 * with the models beside them). Two promises, both checked through the command line:
 * every stream decodes to the bytes whose CRC-32 crc32.tsv records (and to its input), and the
 * same input, options and model still encode to the same bytes. When the second fails, the change
 * is a new stream format version, and these streams must still decode: the manifest then marks the
 * old line "superseded-by" a new stream of the same input and options, which the second promise
 * checks from then on.
 */
class GoldenStreamsTest {
    private static final Path DIR = TestModels.RESOURCES.resolve("golden");

    @TempDir
    Path tmp;

    /** {@code supersededBy}: null, or the stream these options write since a newer format. */
    private record Golden(String stream, Path input, List<String> options, String crc, String supersededBy) {
    }

    private static List<Golden> goldens() throws Exception {
        Map<String, String> crcs = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("crc32.tsv"))) {
            String[] f = line.split("\t");
            crcs.put(f[0], f[1]);
        }
        List<Golden> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("manifest.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            List<String> options = new ArrayList<>();
            for (String o : f[2].split(" ")) {
                options.add(o.endsWith(".ezm") ? DIR.resolve(o).toString() : o);
            }
            String newer = f.length > 3 && f[3].startsWith("superseded-by ") ? f[3].substring(14) : null;
            out.add(new Golden(f[0], DIR.resolve(f[1]), options, crcs.get(f[0]), newer));
        }
        return out;
    }

    /** The decode command of a golden stream: with the model it was written with, or none for a level's. */
    private static Object[] decode(Golden g, Path out) {
        int m = g.options().indexOf("-m");
        return m < 0 ? new Object[] {"decode", DIR.resolve(g.stream()), out}
                : new Object[] {"decode", "-m", g.options().get(m + 1), DIR.resolve(g.stream()), out};
    }

    @Test
    void everyGoldenStreamDecodesToTheBytesItRecorded() throws Exception {
        List<Golden> goldens = goldens();
        assertTrue(goldens.size() >= 20, "the manifest lists " + goldens.size());
        for (Golden g : goldens) {
            Path out = tmp.resolve(g.stream() + ".out");
            Cli r = Cli.run(decode(g, out));
            assertEquals(0, r.exit(), g.stream() + ": " + r);
            byte[] decoded = Files.readAllBytes(out);
            CRC32 crc = new CRC32();
            crc.update(decoded);
            assertEquals(g.crc(), String.format("%08x", crc.getValue()), g.stream() + " decodes to other bytes");
            assertArrayEquals(Files.readAllBytes(g.input()), decoded, g.stream());
        }
    }

    /**
     * A stream whose options now write a newer format is kept (it must decode), and the stream
     * that superseded it has the same input and options, so the re-encoding promise moves to it.
     */
    @Test
    void aSupersededStreamNamesItsSuccessor() throws Exception {
        List<Golden> goldens = goldens();
        for (Golden g : goldens) {
            if (g.supersededBy() == null) {
                continue;
            }
            Golden next = goldens.stream().filter(x -> x.stream().equals(g.supersededBy())).findFirst().orElse(null);
            // (the successor may itself be superseded: a chain ends at a stream these options write)
            assertTrue(next != null && next.input().equals(g.input()) && next.options().equals(g.options()),
                    g.stream() + " names " + g.supersededBy()
                    + ", which must be listed with the same input and options");
        }
    }

    @Test
    void theSameInputsStillEncodeToTheSameBytes() throws Exception {
        for (Golden g : goldens()) {
            if (g.supersededBy() != null) {
                continue; // a newer format's stream of the same input and options is checked instead
            }
            Path out = tmp.resolve(g.stream());
            List<Object> args = new ArrayList<>(List.of("encode", "--threads", "2"));
            args.addAll(g.options());
            args.add(g.input());
            args.add(out);
            Cli r = Cli.run(args.toArray());
            assertEquals(0, r.exit(), g.stream() + ": " + r);
            assertArrayEquals(Files.readAllBytes(DIR.resolve(g.stream())), Files.readAllBytes(out),
                    g.input() + " with " + g.options() + " now encodes to other bytes than " + g.stream()
                            + ": a format change needs a new stream version, and the old streams must still decode");
        }
    }
}
