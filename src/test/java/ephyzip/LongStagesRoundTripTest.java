package ephyzip;

import ephyzip.stream.CoderKind;

/** Every valid input of the base through the residual path with its heavier presets allowed (level 9). */
class LongStagesRoundTripTest extends RoundTripTestBase {
    @Override
    CoderKind coder() {
        return CoderKind.RESIDUAL;
    }

    @Override
    Codec codec(Codec codec) {
        return codec.withLongStages();
    }
}
