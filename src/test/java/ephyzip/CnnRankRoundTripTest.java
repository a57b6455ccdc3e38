package ephyzip;

import ephyzip.coding.CoderKind;
import ephyzip.model.ModelFile;

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
