package ephyzip;

import ephyzip.coding.CoderKind;

class RankRoundTripTest extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.RANK;
    }
}
