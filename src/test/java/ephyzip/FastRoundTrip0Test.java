package ephyzip;

import ephyzip.stream.CoderKind;

/** Every valid input of the base through the fast residual path (coder 4) at variant 0 (level 1). */
class FastRoundTrip0Test extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.FAST;
    }

    @Override
    Codec codec(Codec codec) {
        return codec.withFastPath(0);
    }
}
