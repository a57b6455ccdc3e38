package ephyzip;

import ephyzip.coding.CoderKind;

class ArithRoundTripTest extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.ARITH;
    }
}
