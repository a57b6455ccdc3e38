package ephyzip;

import ephyzip.coding.CoderKind;
import ephyzip.model.ModelFile;

class CnnArithRoundTripTest extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.ARITH;
    }

    @Override
    ModelFile model() throws Exception {
        return TestModels.cnn();
    }
}
