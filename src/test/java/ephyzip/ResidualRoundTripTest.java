package ephyzip;

import ephyzip.stream.CoderKind;

/** Every valid input of the base through the residual path (coder 3), asked for explicitly. */
class ResidualRoundTripTest extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.RESIDUAL;
    }
}
