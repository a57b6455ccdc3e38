package ephyzip;

import ephyzip.stream.CoderKind;
import org.junit.jupiter.api.Nested;

/** Every valid input of the base through the fast residual path (coder 4), at each variant (levels 1 to 3). */
class FastRoundTripTest {
    /** The base on the fast path at one variant. */
    abstract static class AtVariant extends RoundTripTestBase {
        abstract int variant();

        @Override
        CoderKind coder() {
            return CoderKind.FAST;
        }

        @Override
        Codec codec(Codec codec) {
            return codec.withFastPath(variant());
        }
    }

    @Nested
    class Variant0 extends AtVariant {
        @Override
        int variant() {
            return 0;
        }
    }

    @Nested
    class Variant1 extends AtVariant {
        @Override
        int variant() {
            return 1;
        }
    }

    @Nested
    class Variant2 extends AtVariant {
        @Override
        int variant() {
            return 2;
        }
    }
}
