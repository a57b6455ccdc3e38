package ephyzip;

import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import ephyzip.predict.ModelPredictor;
import ephyzip.predict.Predictors;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;

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
        return codec.withClassHistogram();
    }

    @Override
    ModelPredictor predictor(Model model) {
        return Predictors.forVersion(model, StreamHeader.VERSION_9);
    }
}
