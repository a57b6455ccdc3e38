package ephyzip.io;

/** A stream that is damaged or truncated; carries the byte offset where the damage was seen. */
public class CorruptStreamException extends BadInputException {
    private final long offset;

    public CorruptStreamException(String message, long offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
