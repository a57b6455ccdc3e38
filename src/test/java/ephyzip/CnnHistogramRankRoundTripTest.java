package ephyzip;

/** Every valid input of the base through the rank coder with levels 7 to 9's class histogram (format 9). */
class CnnHistogramRankRoundTripTest extends CnnRankRoundTripTest {
    @Override
    Codec codec(Codec codec) {
        return codec.withClassHistogramAlways(); // levels 7 to 9 try it; here every grid stream takes it
    }
}
