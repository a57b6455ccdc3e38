package ephyzip.io;

/**
 * Input that ephyzip refuses: a file that is not a supported WAV, a corrupt or truncated stream,
 * or a model that does not fit the stream. The CLI maps it to exit code 3.
 */
public class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
