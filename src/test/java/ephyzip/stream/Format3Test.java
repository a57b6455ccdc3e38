package ephyzip.stream;

import ephyzip.Codec;
import ephyzip.TestModels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Streams of format 3 (the linear mixer), written by an earlier ephyzip, still decode byte for byte. */
class Format3Test {
    private static final Path DIR = TestModels.RESOURCES.resolve("format3");

    @Test
    void formatThreeStreamsDecode() throws Exception {
        byte[] wav = Files.readAllBytes(DIR.resolve("escapes.wav"));
        Codec codec = new Codec(TestModels.cnn());
        for (String coder : new String[] {"rank", "arith"}) {
            byte[] stream = Files.readAllBytes(DIR.resolve("escapes-v3-" + coder + ".ezp"));
            assertEquals(StreamHeader.VERSION_3, StreamHeader.read(new ByteArrayInputStream(stream)).version());
            assertArrayEquals(wav, codec.decode(stream), coder + ": a format-3 stream decodes as it was written");
        }
    }

    @Test
    void todaysStreamsAreFormatFourAndDiffer() throws Exception {
        byte[] wav = Files.readAllBytes(DIR.resolve("escapes.wav"));
        Codec codec = new Codec(TestModels.cnn());
        byte[] stream = codec.encode(ephyzip.format.WavFile.parse("escapes.wav", wav), CoderKind.ARITH);
        assertEquals(StreamHeader.VERSION, StreamHeader.read(new ByteArrayInputStream(stream)).version());
        byte[] old = Files.readAllBytes(DIR.resolve("escapes-v3-arith.ezp"));
        assertEquals(false, java.util.Arrays.equals(old, stream), "format 4 mixes differently");
        assertArrayEquals(wav, codec.decode(stream));
    }
}
