package ephyzip.cli;

import ephyzip.io.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file to read: the one named, or for {@code -} standard input saved to a temporary file first
 * (a stream header states the recording's length, so encode must know it before it writes).
 * The temporary file is deleted on close.
 */
final class Stdin implements AutoCloseable {
    private final Path path;
    private final boolean temporary;

    private Stdin(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static Stdin orFile(Path p) throws BadInputException {
        if (!Outputs.isStdio(p)) {
            return new Stdin(p, false);
        }
        try {
            Path tmp = Files.createTempFile("ephyzip-stdin", ".tmp");
            try {
                Files.copy(System.in, tmp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return new Stdin(tmp, true);
        } catch (IOException e) {
            throw new BadInputException("standard input: cannot read (" + e.getMessage() + ")");
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(path);
        }
    }
}
