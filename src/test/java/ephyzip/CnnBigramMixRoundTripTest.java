package ephyzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.format.WavFile;
import ephyzip.predict.Predictors;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every valid input of the base through the arith coder of levels 4 and 5: the bigram mixed alone, no network (format 10). */
class CnnBigramMixRoundTripTest extends CnnArithRoundTripTest {
    @Override
    Codec codec(Codec codec) {
        return codec.withoutNetwork();
    }

    /**
     * A grid stream of levels 4 and 5 is format 10, codes as the network model's predictor with
     * its network left out ({@link Predictors#withoutNetwork}: compare's "arith-nonet" row), and
     * decodes with no option; a larger stream than the default level's on a bundled recording.
     */
    @Test
    void formatTenIsTheMixWithoutTheNetwork() throws Exception {
        Path p = TestModels.dataFiles().get(0);
        byte[] file = Files.readAllBytes(p);
        WavFile wav = WavFile.parse(p.toString(), file);
        Codec plain = new Codec(model());
        byte[] stream = plain.withoutNetwork().encode(wav, CoderKind.ARITH);
        assertEquals(StreamHeader.VERSION_10, stream[4]);
        assertArrayEquals(file, plain.decode(stream));
        var m = model().model();
        assertArrayEquals(file, plain.decode(stream, c -> Predictors.withoutNetwork(m)), "the ablation's predictor");
        byte[] network = plain.encode(wav, CoderKind.ARITH);
        assertTrue(network.length < stream.length, network.length + " with the network, " + stream.length + " without");
        // the rank coder has no such mix: its streams are the default level's
        assertArrayEquals(plain.encode(wav, CoderKind.RANK), plain.withoutNetwork().encode(wav, CoderKind.RANK));
    }
}
