package ephyzip.stream;

import ephyzip.io.BadInputException;

/** A stream that was encoded with another model than the one offered to decode it. */
public class ModelMismatchException extends BadInputException {
    public ModelMismatchException(String message) {
        super(message);
    }
}
