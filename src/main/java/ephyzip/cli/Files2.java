package ephyzip.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Output files written whole or not at all. */
final class Files2 {
    private Files2() {
    }

    interface Writer {
        void writeTo(OutputStream out) throws Exception;
    }

    /**
     * Lets {@code writer} fill a temporary file beside {@code target}, then renames it into place;
     * if the writer fails, the temporary file is deleted and {@code target} is left as it was.
     */
    static void writeAtomically(Path target, Writer writer) throws Exception {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // created without explicit permissions, so the output gets the mode the user's umask gives
        // new files (createTempFile would force 0600, which survives the rename)
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve("." + target.getFileName() + "." + Long.toHexString(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
            try {
                tmp = Files.createFile(candidate);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void writeAtomically(Path target, byte[] bytes) throws Exception {
        writeAtomically(target, out -> out.write(bytes));
    }
}
