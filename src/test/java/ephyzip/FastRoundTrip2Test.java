package ephyzip;

import ephyzip.stream.CoderKind;

/** Every valid input of the base through the fast residual path (coder 4) at variant 2 (level 3). */
class FastRoundTrip2Test extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.FAST;
    }

    @Override
    Codec codec(Codec codec) {
        return codec.withFastPath(2);
    }
}
