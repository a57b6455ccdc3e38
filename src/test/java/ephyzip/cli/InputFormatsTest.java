package ephyzip.cli;

import ephyzip.TestModels;
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

/** SpikeGLX, Open Ephys and flat files through the CLI: byte-exact, sidecars checked and left alone. */
class InputFormatsTest {
    private static final int SAMPLES = 3000;
    private static String model;

    @TempDir
    Path dir;

    @BeforeAll
    static void model() {
        model = TestModels.MODELS.resolve("default.ezm").toString();
    }

    /** Encodes {@code data} (extra args before it), decodes into a fresh folder, compares; returns inspect's text. */
    private String roundTrip(Path data, String... extra) throws Exception {
        Path ezp = dir.resolve(data.getFileName() + "-test.ezp");
        List<Object> enc = new java.util.ArrayList<>(List.of("encode", "--model", model));
        enc.addAll(List.of(extra));
        enc.addAll(List.of(data, ezp));
        Cli e = Cli.run(enc.toArray());
        assertEquals(0, e.exit(), e.toString());
        Path back = dir.resolve("back-" + data.getFileName());
        Cli d = Cli.run("decode", "--model", model, ezp, back);
        assertEquals(0, d.exit(), d.toString());
        assertEquals(-1, Files.mismatch(data, back), data + " restored byte for byte");
        Cli i = Cli.run("inspect", ezp);
        assertEquals(0, i.exit(), i.toString());
        return i.out();
    }

    @Test
    void spikeGlxRoundTrips() throws Exception {
        Path bin = Fixtures.spikeGlx(dir, "run1_g0_t0.imec0.ap", 10, SAMPLES);
        byte[] meta = Files.readAllBytes(dir.resolve("run1_g0_t0.imec0.ap.meta"));
        String info = roundTrip(bin);
        assertTrue(info.contains("spikeglx") && info.contains("30000.125") && info.contains("channels:          10"),
                info);
        assertArrayEquals(meta, Files.readAllBytes(dir.resolve("run1_g0_t0.imec0.ap.meta")), "sidecar untouched");
    }

    @Test
    void openEphysRoundTrips() throws Exception {
        Path dat = Fixtures.openEphys(dir, 9, SAMPLES);
        String info = roundTrip(dat);
        assertTrue(info.contains("openephys") && info.contains("30000.0") && info.contains("channels:          9"), info);
    }

    @Test
    void rawFileRoundTripsWithItsLayout() throws Exception {
        Path dat = dir.resolve("amplifier.dat");
        Files.write(dat, Fixtures.interleaved(8, SAMPLES));
        String info = roundTrip(dat, "--channels", "8", "--rate", "20000");
        assertTrue(info.contains("raw") && info.contains("20000.0"), info);
        // a flat file whose size is not a whole number of sample frames
        Path odd = dir.resolve("odd.dat");
        Files.write(odd, new byte[8 * 2 * 10 + 2]);
        Cli r = Cli.run("encode", "--model", model, "--channels", "8", "--rate", "20000", odd, dir.resolve("odd.ezp"));
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.toString());
        assertFalse(Files.exists(dir.resolve("odd.ezp")));
        assertEquals(ExitCodes.USAGE, Cli.run("encode", "--channels", "8", odd, dir.resolve("x.ezp")).exit());
    }

    private void refused(Path data, String expected) {
        Path out = dir.resolve("refused.ezp");
        Cli r = Cli.run("encode", "--model", model, data, out);
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.toString());
        assertTrue(r.err().contains(expected), "message names the problem: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out), "no output");
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badSpikeGlxSidecarsAreRefused() throws Exception {
        Path bin = Fixtures.spikeGlx(dir, "a", 8, 100);
        Path meta = dir.resolve("a.meta");
        String good = Files.readString(meta);
        Files.delete(meta);
        refused(bin, "a.meta is missing");
        Files.writeString(meta, good.replace("nSavedChans=8", "nChans=8"));
        refused(bin, "nSavedChans is missing");
        Files.writeString(meta, good.replace("fileSizeBytes=1600", "fileSizeBytes=1602"));
        refused(bin, "fileSizeBytes=1602");
        Files.writeString(meta, good.replace("nSavedChans=8", "nSavedChans=7").replace("fileSizeBytes=1600\n", ""));
        refused(bin, "not a whole number");
        Files.writeString(meta, good.replace("imSampRate=30000.125", "imSampRate=fast"));
        refused(bin, "imSampRate=fast is not a number");
        Files.writeString(meta, good);
        assertTrue(meta.toFile().setReadable(false));
        if (!Files.isReadable(meta)) { // root reads anything
            refused(bin, "cannot read");
        }
        assertTrue(meta.toFile().setReadable(true));
    }

    @Test
    void badOpenEphysSidecarsAreRefused() throws Exception {
        Path dat = Fixtures.openEphys(dir, 8, 100);
        Path oebin = dat.getParent().getParent().getParent().resolve("structure.oebin");
        String good = Files.readString(oebin);
        Files.delete(oebin);
        refused(dat, "structure.oebin is missing");
        Files.writeString(oebin, good.replace("Acquisition_Board-100.Rhythm Data/", "Elsewhere/"));
        refused(dat, "no continuous entry has folder_name");
        Files.writeString(oebin, good.substring(0, good.length() / 2));
        refused(dat, "not valid JSON");
        Files.writeString(oebin, good.replace("\"num_channels\": 8", "\"num_channels\": 7"));
        refused(dat, "not a whole number");
        Files.writeString(oebin, good.replace("\"num_channels\": 8", "\"channels_count\": 8"));
        refused(dat, "num_channels is missing");
    }
}
