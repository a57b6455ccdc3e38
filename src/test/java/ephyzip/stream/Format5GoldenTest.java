package ephyzip.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ephyzip.Codec;
import ephyzip.TestModels;
import ephyzip.format.WavFile;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stream format 5's residual path pinned by committed streams (src/test/resources/format5): they
 * decode to their recordings byte for byte, and the same recordings with the same plans still
 * encode to the same bytes. A change that fails the second half is a new format version, not an edit.
 */
class Format5GoldenTest {
    private static final Path DIR = TestModels.RESOURCES.resolve("format5");

    private record Golden(Path wav, Path stream) {
    }

    private static List<Golden> goldens() {
        return List.of(
                new Golden(TestModels.RESOURCES.resolve("residual/nlx-tet3a-excerpt.wav"),
                        DIR.resolve("nlx-excerpt-residual.ezp")),
                new Golden(DIR.resolve("three-channels.wav"), DIR.resolve("three-channels-residual.ezp")),
                new Golden(DIR.resolve("hum.wav"), DIR.resolve("hum-residual.ezp")));
    }

    @Test
    void goldenStreamsDecodeToTheirRecordings() throws Exception {
        for (Golden g : goldens()) {
            byte[] stream = Files.readAllBytes(g.stream());
            assertEquals(CoderKind.RESIDUAL, StreamHeader.read(new ByteArrayInputStream(stream)).coder(), g + "");
            // any model decodes a residual stream
            assertArrayEquals(Files.readAllBytes(g.wav()), new Codec(TestModels.bigram()).decode(stream),
                    g.stream() + " no longer decodes to " + g.wav());
        }
    }

    /**
     * Since format 8 the encoder plans residual streams with other presets; given these streams'
     * own plans (their records: presets 0 to 2), it still writes them byte for byte, so format 5's
     * arithmetic is unchanged.
     */
    @Test
    void theSameRecordingsStillEncodeToTheSameBytesWithTheirPlans() throws Exception {
        for (Golden g : goldens()) {
            byte[] stream = Files.readAllBytes(g.stream());
            StreamHeader h = StreamHeader.read(new ByteArrayInputStream(stream));
            WavFile wav = WavFile.parse(g.wav().toString(), Files.readAllBytes(g.wav()));
            int frame = h.frameLength() == Codec.RESIDUAL_FRAME ? 0 : h.frameLength();
            ephyzip.model.ModelFile m = TestModels.large(); // the model these streams name (the default of their day)
            java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
            try (ephyzip.format.RecordingReader in = wav.reader()) {
                new Codec(m).encode(in, again, new Codec.Plan(CoderKind.RESIDUAL, h.alphabetRecord(),
                        m.model().alphabet()), frame);
            }
            assertArrayEquals(stream, again.toByteArray(), g.wav() + " with its plan now encodes to other bytes than "
                    + g.stream() + ": a format change needs a new version");
        }
    }
}
