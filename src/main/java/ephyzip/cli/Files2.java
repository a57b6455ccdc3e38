package ephyzip.cli;

import ephyzip.io.DurableFile;
import java.nio.file.Path;

/** Output files written whole or not at all, and on disk before the command returns ({@link DurableFile}). */
final class Files2 {
    private Files2() {
    }

    static void writeAtomically(Path target, DurableFile.Writer writer) throws Exception {
        DurableFile.write(target, writer);
    }

    static void writeAtomically(Path target, DurableFile.Writer writer, DurableFile.Check check) throws Exception {
        DurableFile.write(target, writer, check);
    }

    static void writeAtomically(Path target, byte[] bytes) throws Exception {
        DurableFile.write(target, bytes);
    }
}
