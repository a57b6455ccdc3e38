package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ephyzip.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small job runs the network's scalar loops; the count comes from the streams' headers. */
class InferencePathTest {
    @TempDir
    Path dir;

    @Test
    void gridStreamsCountTheirSamplesOthersNot() throws Exception {
        Path wav = TestModels.dataFiles().get(0);
        Path grid = dir.resolve("g.ezp");
        Path fast = dir.resolve("f.ezp");
        assertEquals(0, Cli.run("encode", wav, grid).exit());
        assertEquals(0, Cli.run("encode", "--coder", "fast", wav, fast).exit());
        long samples = Files.size(wav) / 2 - 22; // a 44-byte header
        assertEquals(samples, InferencePath.inStreams(List.of(grid, dir.resolve("out.wav"))));
        assertEquals(0, InferencePath.inStreams(List.of(fast)), "the fast path has no vector loops");
        Path residual = dir.resolve("r.ezp");
        assertEquals(0, Cli.run("encode", "--coder", "residual", wav, residual).exit());
        assertEquals(samples / InferencePath.RESIDUAL_WEIGHT, InferencePath.inStreams(List.of(residual)),
                "the residual path's samples count at their weight");
        Files.delete(residual);
        assertEquals(samples, InferencePath.inStreams(List.of(dir)), "a directory stands for its streams");
        assertEquals(-1, InferencePath.inStreams(List.of(Path.of("-"))), "standard input cannot be told");
        assertEquals(Files.size(wav) / 2, InferencePath.inRecordings(List.of(wav)));
    }

    @Test
    void onlyTheCommandLinesOwnProcessChoosesAndAGivenChoiceStands() {
        String before = System.getProperty("ephyzip.scalar");
        try {
            System.clearProperty("ephyzip.scalar");
            InferencePath.ownProcess = false;
            InferencePath.forSamples(1000);
            assertNull(System.getProperty("ephyzip.scalar"), "a test JVM keeps its path");
            InferencePath.ownProcess = true;
            InferencePath.forSamples(InferencePath.SAMPLES_PER_CORE * 8);
            assertNull(System.getProperty("ephyzip.scalar"), "a large job keeps the vector path");
            InferencePath.forSamples(-1);
            assertNull(System.getProperty("ephyzip.scalar"), "an unknown job keeps the vector path");
            InferencePath.forSamples(1000);
            assertEquals("true", System.getProperty("ephyzip.scalar"));
            System.setProperty("ephyzip.scalar", "false");
            InferencePath.forSamples(1000);
            assertEquals("false", System.getProperty("ephyzip.scalar"), "-Dephyzip.scalar stands");
        } finally {
            InferencePath.ownProcess = false;
            if (before == null) {
                System.clearProperty("ephyzip.scalar");
            } else {
                System.setProperty("ephyzip.scalar", before);
            }
        }
    }
}
