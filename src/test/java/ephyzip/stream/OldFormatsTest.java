package ephyzip.stream;

import ephyzip.Codec;
import ephyzip.TestModels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streams of earlier formats, written by an earlier ephyzip (`src/test/resources/formatN`), still
 * decode byte for byte: format 2 (its rank coder's escape rule) and format 3 (the linear mixer).
 */
class OldFormatsTest {
    private static Path dir(int version) {
        return TestModels.RESOURCES.resolve("format" + version);
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {StreamHeader.VERSION_2, StreamHeader.VERSION_3})
    void oldStreamsDecode(int version) throws Exception {
        byte[] wav = Files.readAllBytes(dir(version).resolve("escapes.wav"));
        Codec codec = new Codec(writtenWith());
        for (String coder : new String[] {"rank", "arith"}) {
            byte[] stream = Files.readAllBytes(dir(version).resolve("escapes-v" + version + "-" + coder + ".ezp"));
            assertEquals(version, StreamHeader.read(new ByteArrayInputStream(stream)).version());
            assertArrayEquals(wav, codec.decode(stream),
                    coder + ": a format-" + version + " stream decodes as it was written");
        }
    }

    @Test
    void todaysStreamsAreTheNewestFormatAndDiffer() throws Exception {
        byte[] wav = Files.readAllBytes(dir(3).resolve("escapes.wav"));
        Codec codec = new Codec(writtenWith());
        byte[] stream = codec.encode(ephyzip.format.WavFile.parse("escapes.wav", wav), CoderKind.ARITH);
        // no restart point in so short a recording: version 5
        assertEquals(StreamHeader.VERSION_5, StreamHeader.read(new ByteArrayInputStream(stream)).version());
        byte[] old = Files.readAllBytes(dir(3).resolve("escapes-v3-arith.ezp"));
        assertEquals(false, java.util.Arrays.equals(old, stream), "format 4 and later mix differently");
        assertArrayEquals(wav, codec.decode(stream));
    }

    /** The network model these streams were written with (shipped until 2026-11-24). */
    private static ephyzip.model.ModelFile writtenWith() throws Exception {
        java.nio.file.Path p = TestModels.RESOURCES.resolve("format2/model-1a0c6bff.ezm");
        return ephyzip.model.ModelFile.parse(p.toString(), java.nio.file.Files.readAllBytes(p));
    }
}
