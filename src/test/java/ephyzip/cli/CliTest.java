package ephyzip.cli;

import ephyzip.TestModels;
import ephyzip.TestWavs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void multiChannelFilesInShortFrames() throws Exception {
        Path wav = dir.resolve("sixteen.wav");
        Files.write(wav, TestWavs.multi(16, TestWavs.walks(21, 16, 2000)));
        for (String frame : List.of("20", "200", "2000")) {
            Path ezp = dir.resolve("sixteen-" + frame + ".ezp");
            Path back = dir.resolve("sixteen-" + frame + ".wav");
            Cli e = Cli.run("encode", "--model", model, "--frame", frame, wav, ezp);
            assertEquals(0, e.exit(), e.toString());
            Cli d = Cli.run("decode", "--model", model, ezp, back);
            assertEquals(0, d.exit(), d.toString());
            assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back), "frame " + frame);
            Cli i = Cli.run("inspect", ezp);
            assertTrue(i.out().contains("channels:          16"), i.out());
            assertTrue(i.out().contains("of " + frame + " samples per channel"), i.out());
        }
        Cli bad = Cli.run("encode", "--model", model, "--frame", "0", wav, dir.resolve("never.ezp"));
        assertEquals(ExitCodes.USAGE, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("--frame"), bad.err());
        // a frame the format allows alone but not for 16 channels is bad input, with the file named
        Cli big = Cli.run("encode", "--model", model, "--frame", "4000000", wav, dir.resolve("never.ezp"));
        assertEquals(ExitCodes.BAD_INPUT, big.exit(), big.toString());
        assertTrue(big.err().contains("sixteen.wav") && big.err().contains("frame length"), big.err());
        assertFalse(Files.exists(dir.resolve("never.ezp")));
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
        Path one = dir.resolve("enc1");
        assertEquals(0, Cli.run("encode", "--model", model, "--threads", "1", "-o", one, TestModels.DATA).exit());
        for (Path p : TestModels.dataFiles()) {
            String name = Outputs.encodedName(p);
            assertArrayEquals(Files.readAllBytes(enc.resolve(name)), Files.readAllBytes(one.resolve(name)),
                    "same stream with 1 thread and with all: " + name);
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
        // several names are several inputs, as for gzip: missing ones are bad input
        assertEquals(ExitCodes.BAD_INPUT, Cli.run("encode", "--model", model, "a", "b", "c").exit());
        assertEquals(ExitCodes.USAGE, Cli.run("encode", "--model", model, "-c", "a", "b").exit());
        assertEquals(ExitCodes.USAGE, Cli.run("encode", "--model", model, "-c", "-o", "x", "a").exit());
        assertEquals(ExitCodes.OK, Cli.run("--help").exit());
    }

    @Test
    void compareOfSeveralSourcesPrintsARatioPerSource() throws Exception {
        Path one = dir.resolve("grid-source");
        Path two = dir.resolve("wideband-source");
        Files.createDirectories(one);
        Files.createDirectories(two);
        Files.copy(TestModels.dataFiles().get(5), one.resolve("a.wav"));
        Files.copy(TestModels.RESOURCES.resolve("residual/nlx-tet3a-excerpt.wav"), two.resolve("b.wav"));
        Cli r = Cli.run("compare", one, two, "--model", model, "--no-tools", "--no-ephyzip-variants");
        assertEquals(0, r.exit(), r.toString());
        String table = r.out().substring(r.out().indexOf("payload ratio (input / payload) per source:"));
        for (String row : List.of("grid-source", "wideband-source", "all sources")) {
            assertTrue(table.contains(row), table);
        }
        assertTrue(table.contains("m/arith") && table.contains("bzip2-9"), table);
        assertEquals(ExitCodes.USAGE, Cli.run("compare", one, two, "--json", dir.resolve("x.json")).exit());
    }

    @Test
    void compareReadsFlatFilesAsTheWavFileOfTheirSamples() throws Exception {
        short[] s = ephyzip.format.WavFile.parse("n", Files.readAllBytes(TestModels.RESOURCES.resolve(
                "residual/nlx-tet3a-excerpt.wav"))).samples();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(2 * s.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (short v : s) {
            b.putShort(v);
        }
        Path flat = dir.resolve("two.i16"); // read as 2 channels of 6,000 samples
        Files.write(flat, b.array());
        Cli r = Cli.run("compare", flat, "--channels", "2", "--rate", "32000", "--model", model, "--no-tools",
                "--no-ephyzip-variants");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("m/arith") && r.out().contains(" ok"), r.out());
        assertEquals(ExitCodes.USAGE, Cli.run("compare", flat, "--channels", "2").exit());
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
        assertTrue(j.contains("\"codec\": \"m/arith\", \"modelKind\": \"" + ModelOption.load(model).model().kind()
                + "\", \"files\": 1, \"inputBytes\": " + Files.size(src)
                + ", \"payloadBytes\": " + Files.size(ezp) + ", \"modelBytes\": " + Files.size(model)), j);
        assertFalse(j.contains("false"), j);
    }

    @Test
    void compareGivesTheSameResultsWithOneOrTwoThreads() throws Exception {
        Path three = dir.resolve("three");
        Files.createDirectories(three);
        for (Path p : TestModels.dataFiles().subList(0, 3)) {
            Files.copy(p, three.resolve(p.getFileName()));
        }
        List<List<String>> runs = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            Path csv = dir.resolve("threads" + threads + ".csv");
            Cli r = Cli.run("compare", three, "--model", model, "--csv", csv, "--threads", threads, "--no-tools");
            assertEquals(0, r.exit(), r.toString());
            List<String> rows = new java.util.ArrayList<>();
            for (String line : Files.readAllLines(csv)) {
                String[] f = line.split(",");
                rows.add(String.join(",", java.util.Arrays.copyOf(f, f.length - 3))); // all but speeds, round trip
            }
            runs.add(rows);
        }
        assertEquals(runs.get(0), runs.get(1));
    }

    @Test
    void compareWritesCsvPlotsAndRankStatistics() throws Exception {
        Path small = dir.resolve("small2");
        Files.createDirectories(small);
        // three channels: rank statistics must count every channel (they once counted channel 0 only)
        Path src = small.resolve("a.wav");
        Files.write(src, Fixtures.wav(3, 4000));
        Path cnn = dir.resolve("net.ezm");
        Files.write(cnn, TestModels.cnn().bytes());
        Path csv = dir.resolve("cmp.csv");
        Path json = dir.resolve("cmp2.json");
        Path plots = dir.resolve("plots");
        Cli r = Cli.run("compare", small, "--model", cnn, "--model", model, "--csv", csv, "--json", json,
                "--plots", plots, "--threads", "1");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("net/rank-nofallback"), r.out());
        // the network's own worth: the same coder and adaptive parts without it, round-tripped
        String nonet = Files.readAllLines(csv).stream().filter(l -> l.startsWith("net/arith-nonet,")).findFirst()
                .orElseThrow();
        assertTrue(nonet.endsWith(",true"), nonet);
        assertTrue(r.out().contains("real time for one channel"), r.out());
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(0).startsWith("codec,modelKind,files,inputBytes,payloadBytes,modelBytes,ratio"), rows.get(0));
        String rank = rows.stream().filter(l -> l.startsWith("net/rank,")).findFirst().orElseThrow();
        String[] f = rank.split(",");
        assertEquals("cnn", f[1]);
        double top1 = Double.parseDouble(f[9]);
        double top16 = Double.parseDouble(f[10]);
        double tiers = 0;
        for (int i = 12; i <= 16; i++) {
            tiers += Double.parseDouble(f[i]);
        }
        assertTrue(top1 > 0 && top1 <= top16 && top16 <= 1, rank);
        assertEquals(1.0, tiers, 1e-4, "tier shares add up: " + rank);
        assertEquals(top1, Double.parseDouble(f[12]), 1e-9, "tier 0 is the top-1 hit rate");
        String arith = rows.stream().filter(l -> l.startsWith("net/arith,")).findFirst().orElseThrow();
        assertTrue(arith.contains(",,"), "no rank statistics for arith: " + arith);
        // the rank payload is what encode writes on its own
        Path ezp = dir.resolve("net-rank.ezp");
        assertEquals(0, Cli.run("encode", "--model", cnn, "--coder", "rank", src, ezp).exit());
        assertEquals(Files.size(ezp), Long.parseLong(rank.split(",")[4]));
        for (String png : List.of("ratio.png", "file-ratios.png", "ranks.png", "ratio-vs-speed.png")) {
            assertTrue(Files.size(plots.resolve(png)) > 5000, png);
        }
        assertTrue(Files.readString(json).contains("\"top16\": null"), "JSON marks missing rank fields null");
    }
}
