package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train without --kind: the network for recordings on the grid, held-out figures for the others. */
class TrainAutoTest {
    @TempDir
    Path dir;

    @Test
    void recordingsOnTheGridGetTheNetworkOthersTheirFigures() throws Exception {
        ephyzip.model.ModelFile shipped = ModelOption.load(TestModels.MODELS.resolve("default.ezm"));
        assertTrue(TrainingChoice.fitTheGrid(TestModels.dataFiles(), shipped), "Neuralink's recordings fit the grid");
        Path wide = dir.resolve("wide");
        Files.createDirectories(wide);
        Files.copy(TestModels.ROOT.resolve("src/test/resources/residual/nlx-tet3a-excerpt.wav"), wide.resolve("a.wav"));
        assertFalse(TrainingChoice.fitTheGrid(java.util.List.of(wide.resolve("a.wav")), shipped));
        Path out = dir.resolve("m.ezm");
        Cli r = Cli.run("train", "--data", wide, "--out", out);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("take the residual path") && r.out().contains("ephyzip default"), r.out());
        assertFalse(Files.exists(out), "no model is written for them");
    }
}
