package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.TestModels;
import ephyzip.TestWavs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainModel() throws Exception {
        Path train = dir.resolve("train");
        Files.createDirectories(train);
        for (Path p : TestModels.dataFiles().subList(0, 3)) {
            Files.copy(p, train.resolve(p.getFileName()));
        }
        model = dir.resolve("m.ezm");
        Cli r = Cli.run("train", "--kind", "bigram", "--data", train, "--out", model);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("fingerprint"), r.toString());
    }

    @Test
    void encodeDecodeInspectOneFile() throws Exception {
        Path wav = TestModels.dataFiles().get(4);
        for (String coder : List.of("rank", "arith")) {
            Path ezp = dir.resolve("one-" + coder + ".ezp");
            Path back = dir.resolve("one-" + coder + ".wav");
            Cli e = Cli.run("encode", "--model", model, "--coder", coder, wav, ezp);
            assertEquals(0, e.exit(), e.toString());
            Cli d = Cli.run("decode", "--model", model, ezp, back);
            assertEquals(0, d.exit(), d.toString());
            assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back));
            Cli i = Cli.run("inspect", ezp);
            assertEquals(0, i.exit(), i.toString());
            assertTrue(i.out().contains("coder:             " + coder), i.out());
            assertTrue(i.out().contains("samples:"), i.out());
        }
    }

    @Test
    void encodeDecodeDirectories() throws Exception {
        Path enc = dir.resolve("enc");
        Path dec = dir.resolve("dec");
        Cli e = Cli.run("encode", "--model", model, "-o", enc, TestModels.DATA);
        assertEquals(0, e.exit(), e.toString());
        Cli d = Cli.run("decode", "--model", model, "-o", dec, enc);
        assertEquals(0, d.exit(), d.toString());
        for (Path p : TestModels.dataFiles()) {
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(dec.resolve(p.getFileName())), p.toString());
        }
    }

    @Test
    void existingOutputNeedsForce() throws Exception {
        Path wav = TestModels.dataFiles().get(0);
        Path out = dir.resolve("exists.ezp");
        Files.write(out, new byte[] {1});
        Cli r = Cli.run("encode", "--model", model, wav, out);
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("--force"), r.err());
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(out));
        assertEquals(0, Cli.run("encode", "--model", model, "--force", wav, out).exit());
    }

    @Test
    void usageErrors() {
        assertEquals(ExitCodes.USAGE, Cli.run("encode").exit());
        assertEquals(ExitCodes.USAGE, Cli.run("encode", "--coder", "zip", "a.wav", "b.ezp").exit());
        assertEquals(ExitCodes.USAGE, Cli.run("frobnicate").exit());
        assertEquals(ExitCodes.USAGE, Cli.run("encode", "--model", model, "a", "b", "c").exit());
        assertEquals(ExitCodes.OK, Cli.run("--help").exit());
    }

    @Test
    void compareReportsEveryCodecAndWritesJson() throws Exception {
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        Path src = TestModels.dataFiles().get(5);
        Files.copy(src, small.resolve("a.wav"));
        Path json = dir.resolve("cmp.json");
        Cli r = Cli.run("compare", small, "--model", model, "--json", json);
        assertEquals(0, r.exit(), r.toString());
        for (String codec : List.of("m/rank", "m/arith", "deflate-9", "bzip2-9", "xz-9")) {
            assertTrue(r.out().contains(codec), r.out());
        }
        String j = Files.readString(json);
        assertTrue(j.trim().startsWith("[") && j.contains("\"codec\": \"m/arith\""), j);
        for (String field : List.of("files", "inputBytes", "payloadBytes", "modelBytes", "ratio", "bitsPerSample",
                "roundTripOk")) {
            assertTrue(j.contains("\"" + field + "\""), field);
        }
        // The payload reported for bigram/arith is the size of the stream encode writes.
        Path ezp = dir.resolve("cmp-a.ezp");
        assertEquals(0, Cli.run("encode", "--model", model, "--coder", "arith", src, ezp).exit());
        assertTrue(j.contains("\"codec\": \"m/arith\", \"files\": 1, \"inputBytes\": " + Files.size(src)
                + ", \"payloadBytes\": " + Files.size(ezp) + ", \"modelBytes\": " + Files.size(model)), j);
        assertFalse(j.contains("false"), j);
    }
}
