package ephyzip.stream;

import ephyzip.Codec;
import ephyzip.TestModels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Streams of format 2, written by an earlier ephyzip, still decode byte for byte (escapes included). */
class Format2Test {
    private static final Path DIR = TestModels.RESOURCES.resolve("format2");

    @Test
    void formatTwoStreamsDecode() throws Exception {
        byte[] wav = Files.readAllBytes(DIR.resolve("escapes.wav"));
        Codec codec = new Codec(TestModels.cnn());
        for (String coder : new String[] {"rank", "arith"}) {
            byte[] stream = Files.readAllBytes(DIR.resolve("escapes-v2-" + coder + ".ezp"));
            assertEquals(StreamHeader.VERSION_2, StreamHeader.read(new ByteArrayInputStream(stream)).version());
            assertArrayEquals(wav, codec.decode(stream), coder + ": a format-2 stream decodes as it was written");
        }
    }
}
