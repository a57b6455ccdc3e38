package ephyzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ephyzip.format.WavFile;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every valid input of the base through the arith coder with levels 7 to 9's class histogram (format 9). */
class CnnHistogramArithRoundTripTest extends CnnArithRoundTripTest {
    @Override
    Codec codec(Codec codec) {
        return codec.withClassHistogramAlways(); // levels 7 to 9 try it; here every grid stream takes it
    }

    /**
     * Levels 7 to 9 code a recording's surveyed samples (all of a short one) with and without the
     * class histogram and keep the smaller: the stream is exactly the smaller of the two.
     */
    @Test
    void theEncoderKeepsTheSmallerOfTheTwo() throws Exception {
        Codec plain = new Codec(model());
        for (Path p : List.of(TestModels.dataFiles().get(0), TestModels.ROOT.resolve("src/test/resources/golden/nl-noisy.wav"))) {
            WavFile wav = WavFile.parse(p.toString(), Files.readAllBytes(p));
            byte[] without = plain.encode(wav, CoderKind.ARITH);
            byte[] with = plain.withClassHistogramAlways().encode(wav, CoderKind.ARITH);
            byte[] tried = plain.withClassHistogram().encode(wav, CoderKind.ARITH);
            assertEquals(StreamHeader.VERSION_9, with[4], p.toString());
            assertArrayEquals(with.length < without.length ? with : without, tried, p.toString());
            assertArrayEquals(Files.readAllBytes(p), plain.decode(tried), p.toString());
        }
    }
}
