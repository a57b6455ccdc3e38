package ephyzip.compare;

/** One codec in a comparison: compresses a whole file and restores it. */
public interface Contender {
    String name();

    /** Bytes the decoder needs besides each file's output (a model), counted once per comparison. */
    long modelBytes();

    byte[] compress(byte[] file) throws Exception;

    byte[] decompress(byte[] compressed) throws Exception;
}
