package ephyzip;

import ephyzip.stream.CoderKind;

class RankRoundTripTest extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.RANK;
    }
}
