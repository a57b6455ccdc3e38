package ephyzip.format;

import ephyzip.io.BadInputException;

/** A file that is not a RIFF/WAVE file of 16-bit PCM mono, or is damaged. */
public class WavFormatException extends BadInputException {
    public WavFormatException(String message) {
        super(message);
    }
}
