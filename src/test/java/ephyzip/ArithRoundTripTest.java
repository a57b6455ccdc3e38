package ephyzip;

import ephyzip.stream.CoderKind;

class ArithRoundTripTest extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.ARITH;
    }
}
