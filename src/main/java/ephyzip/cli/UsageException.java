package ephyzip.cli;

/** A command line that names things wrongly (exit code 2). */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
