package ephyzip;

import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;

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
