package ephyzip.train;

import ephyzip.TestModels;
import ephyzip.cli.Cli;
import ephyzip.model.ModelFile;
import ephyzip.model.QuantLayer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training through the CLI: report, checkpoints, resume, fine-tuning; and the model file round trip. */
class CnnTrainingTest {
    @TempDir
    Path dir;

    private static String[] run(Object... args) {
        Cli r = Cli.run(args);
        return new String[] {Integer.toString(r.exit()), r.out(), r.err()};
    }

    @Test
    void trainResumeAndFineTune() throws Exception {
        List<Path> files = TestModels.dataFiles();
        Path model = dir.resolve("p.ezm");
        String[] r = run("train", "--kind", "cnn", "--data", files.get(0), files.get(1), "--validation", files.get(2),
                "--out", model, "--epochs", "2", "--batches", "3", "--batch-size", "2", "--window", "128");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[2].contains("epoch 2:"), r[2]);
        assertTrue(Files.size(dir.resolve("p.report.png")) > 1000);
        String report = Files.readString(dir.resolve("p.report.json"));
        assertTrue(report.contains("\"heldOutBitsPerSample\"") && report.contains("\"epoch\": 2"), report);
        assertTrue(Files.exists(dir.resolve("p.ezm.ckpt/last.zip")));

        Path resumed = dir.resolve("resumed.ezm");
        r = run("train", "--kind", "cnn", "--data", files.get(0), files.get(1), "--validation", files.get(2),
                "--out", resumed, "--epochs", "3", "--batches", "3", "--batch-size", "2", "--window", "128",
                "--checkpoints", dir.resolve("p.ezm.ckpt"), "--resume");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[2].contains("resumed after epoch 2") && r[2].contains("epoch 3:") && !r[2].contains("epoch 1:"),
                r[2]);

        Path channel = dir.resolve("channel.ezm");
        r = run("train", "--kind", "cnn", "--data", files.get(3), "--validation", files.get(2), "--init", model,
                "--out", channel, "--epochs", "1", "--batches", "2", "--batch-size", "2", "--window", "128");
        assertEquals("0", r[0], r[1] + r[2]);
        ModelFile p = ModelFile.parse("p", Files.readAllBytes(model));
        ModelFile c = ModelFile.parse("c", Files.readAllBytes(channel));
        assertEquals(p.fingerprint(), c.model().card().get("init"));
        assertArrayEquals(p.model().alphabet().values(), c.model().alphabet().values());
    }

    @Test
    void modelFileKeepsTheNetworkExactly() throws Exception {
        ModelFile m = TestModels.cnn();
        ModelFile back = ModelFile.parse("again", m.bytes());
        assertEquals(m.fingerprint(), back.fingerprint());
        assertNotNull(back.model().cnn());
        List<QuantLayer> a = m.model().cnn().layers();
        List<QuantLayer> b = back.model().cnn().layers();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).weights(), b.get(i).weights());
            assertArrayEquals(a.get(i).bias(), b.get(i).bias());
            assertEquals(a.get(i).shift(), b.get(i).shift());
        }
        assertEquals(m.model().thresholdQ16(), back.model().thresholdQ16());
        assertArrayEquals(m.bytes(), ModelFile.of(back.model()).bytes(), "writing a loaded model gives the same bytes");
    }
}
