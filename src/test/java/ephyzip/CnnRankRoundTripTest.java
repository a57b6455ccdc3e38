package ephyzip;

import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;

class CnnRankRoundTripTest extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.RANK;
    }

    @Override
    ModelFile model() throws Exception {
        return TestModels.cnn();
    }
}
