package ephyzip.compare;

import ephyzip.predict.RankStats;

/** One file through one contender: output size, exact round trip, times, rank statistics (or null). */
public record FileResult(long inputBytes, long outputBytes, int samples, boolean roundTripOk, long encodeNanos,
                         long decodeNanos, RankStats stats) {
}
