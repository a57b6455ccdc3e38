package ephyzip;

import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;

/** Every valid input of the base through the rank coder with levels 7 to 9's class histogram (format 9). */
class CnnHistogramRankRoundTripTest extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.RANK;
    }

    @Override
    ModelFile model() throws Exception {
        return TestModels.cnn();
    }

    @Override
    Codec codec(Codec codec) {
        return codec.withClassHistogramAlways(); // levels 7 to 9 try it; here every grid stream takes it
    }
}
