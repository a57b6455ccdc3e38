package ephyzip.cli;

import ephyzip.TestModels;
import ephyzip.TestWavs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input ends in exit 3, one line naming the problem, no stack trace and no output file. */
class BadInputTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path stream;

    @BeforeAll
    static void setUp() throws Exception {
        model = dir.resolve("m.ezm");
        Files.write(model, TestModels.bigram().bytes());
        stream = dir.resolve("good.ezp");
        Cli r = Cli.run("encode", "--model", model, TestModels.dataFiles().get(0), stream);
        assertEquals(0, r.exit(), r.toString());
    }

    private static void assertBadInput(Cli r, Path out, String expect) {
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expect), "expected '" + expect + "' in: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out), out + " should not exist");
        try (var s = Files.list(out.getParent())) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")), "temp file left behind");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badWavFiles() throws Exception {
        short[] s = TestWavs.walk(1, 100);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("not a RIFF/WAVE", "hello, this is not a wav file".getBytes());
        cases.put("not a RIFF/WAVE file", new byte[0]);
        cases.put("8-bit", TestWavs.riff().fmt(1, 1, 8000, 8).data(s).bytes());
        cases.put("24-bit", TestWavs.riff().fmt(1, 1, 8000, 24).data(s).bytes());
        cases.put("32-bit", TestWavs.riff().fmt(1, 1, 8000, 32).data(s).bytes());
        cases.put("format 3", TestWavs.riff().fmt(3, 1, 8000, 32).data(s).bytes());
        cases.put("format 2", TestWavs.riff().fmt(2, 1, 8000, 16).data(s).bytes());
        cases.put("0 channels", TestWavs.riff().fmt(1, 0, 8000, 16).data(s).bytes());
        cases.put("at most 4096 are supported", TestWavs.riff().fmt(1, 5000, 8000, 16).data(new short[5000]).bytes());
        cases.put("for 2 channels", TestWavs.riff().fmt(1, 2, 8000, 16).data(new short[3]).bytes());
        cases.put("data chunk declares", TestWavs.riff().pcm16Mono().rawChunk("data", 1000, new byte[10], false).bytes());
        cases.put("not a whole number", TestWavs.riff().pcm16Mono().rawChunk("data", 3, new byte[4], false).bytes());
        cases.put("no data chunk", TestWavs.riff().pcm16Mono().bytes());
        cases.put("before the fmt chunk", TestWavs.riff().data(s).bytes());
        cases.put("no fmt chunk", TestWavs.riff().chunk("LIST", new byte[4]).bytes());
        byte[] full = TestWavs.mono(s);
        cases.put("truncated fmt", Arrays.copyOf(full, 30));
        int i = 0;
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            Path in = dir.resolve("bad" + i + ".wav");
            Files.write(in, c.getValue());
            Path out = dir.resolve("bad" + i++ + ".ezp");
            Cli r = Cli.run("encode", "--model", model, in, out);
            assertBadInput(r, out, c.getKey());
            assertTrue(r.err().contains(in.toString()), "message names the file: " + r.err());
        }
    }

    @Test
    void truncatedStreamsAtEveryKindOfBoundary() throws Exception {
        byte[] good = Files.readAllBytes(stream);
        int[] cuts = {0, 3, 4, 5, 6, 13, 14, 17, 18, 40, 60, 70, 74, 78, 82, good.length / 2, good.length - 1};
        for (int cut : cuts) {
            Path in = dir.resolve("cut" + cut + ".ezp");
            Files.write(in, Arrays.copyOf(good, cut));
            Path out = dir.resolve("cut" + cut + ".wav");
            assertBadInput(Cli.run("decode", "--model", model, in, out), out, "");
        }
    }

    @Test
    void corruptStreams() throws Exception {
        byte[] good = Files.readAllBytes(stream);
        long seed = 12345;
        Random r = new Random(seed);
        for (int k = 0; k < 40; k++) {
            byte[] bad = good.clone();
            int pos = r.nextInt(bad.length);
            bad[pos] ^= (byte) (1 << r.nextInt(8));
            Path in = dir.resolve("flip" + k + ".ezp");
            Files.write(in, bad);
            Path out = dir.resolve("flip" + k + ".wav");
            Cli c = Cli.run("decode", "--model", model, in, out);
            String what = "seed " + seed + " case " + k + " byte " + pos + ": " + c;
            if (c.exit() == ExitCodes.OK) { // a flip in padding bits may leave the content intact
                assertTrue(Arrays.equals(Files.readAllBytes(out), Files.readAllBytes(TestModels.dataFiles().get(0))), what);
                continue;
            }
            assertEquals(ExitCodes.BAD_INPUT, c.exit(), what);
            assertFalse(Files.exists(out), what);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        Path in = dir.resolve("longer.ezp");
        Files.write(in, longer);
        assertBadInput(Cli.run("decode", "--model", model, in, dir.resolve("longer.wav")), dir.resolve("longer.wav"),
                "unexpected bytes after the end of the stream");
    }

    @Test
    void notAStream() throws Exception {
        Path in = TestModels.dataFiles().get(0);
        Path out = dir.resolve("notastream.wav");
        assertBadInput(Cli.run("decode", "--model", model, in, out), out, "not an ephyzip stream");
    }

    @Test
    void wrongModel() throws Exception {
        Path other = dir.resolve("other.ezm");
        Path train = dir.resolve("othertrain");
        Files.createDirectories(train);
        Files.copy(TestModels.dataFiles().get(5), train.resolve("x.wav"));
        assertEquals(0, Cli.run("train", "--kind", "bigram", "--data", train, "--out", other).exit());
        Path out = dir.resolve("wrongmodel.wav");
        Cli r = Cli.run("decode", "--model", other, stream, out);
        assertBadInput(r, out, "encoded with model " + TestModels.bigram().fingerprint());
    }

    @Test
    void damagedModel() throws Exception {
        byte[] m = Files.readAllBytes(model);
        Path truncated = dir.resolve("truncated.ezm");
        Files.write(truncated, Arrays.copyOf(m, m.length / 2));
        Path out = dir.resolve("damaged.wav");
        assertBadInput(Cli.run("decode", "--model", truncated, stream, out), out, "damaged model file");
        assertBadInput(Cli.run("decode", "--model", truncated, stream, out), out,
                "needs model " + TestModels.bigram().fingerprint());
        byte[] flipped = m.clone();
        flipped[flipped.length / 2] ^= 4;
        Path corrupt = dir.resolve("corrupt.ezm");
        Files.write(corrupt, flipped);
        assertBadInput(Cli.run("decode", "--model", corrupt, stream, out), out, "damaged model file");
        assertBadInput(Cli.run("decode", "--model", corrupt, stream, out), out,
                "needs model " + TestModels.bigram().fingerprint());
        Path notModel = TestModels.dataFiles().get(0);
        assertBadInput(Cli.run("decode", "--model", notModel, stream, out), out, "not an ephyzip model");
        assertBadInput(Cli.run("decode", "--model", dir.resolve("missing.ezm"), stream, out), out, "cannot read model");
    }

    @Test
    void missingInput() {
        Path out = dir.resolve("missing.ezp");
        assertBadInput(Cli.run("encode", "--model", model, dir.resolve("nope.wav"), out), out, "nope.wav");
    }
}
