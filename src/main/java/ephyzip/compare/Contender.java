package ephyzip.compare;

/** One codec in a comparison: compresses a whole file, restores it, and says how it went. */
public interface Contender {
    String name();

    /** Bytes the decoder needs besides each file's output (a model), counted once per comparison. */
    long modelBytes();

    /** The kind of ephyzip model it runs ("cnn", "bigram"), or null for other codecs. */
    default String modelKind() {
        return null;
    }

    /** True for the rank coder modes, whose rank statistics are reported. */
    default boolean ranks() {
        return false;
    }

    FileResult run(byte[] file, int samples) throws Exception;
}
