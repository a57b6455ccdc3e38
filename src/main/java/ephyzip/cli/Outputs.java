package ephyzip.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where outputs go, and the rule that existing files are kept unless --force. */
final class Outputs {
    private Outputs() {
    }

    static void checkWritable(Path out, boolean force) throws UsageException {
        if (!force && Files.exists(out)) {
            throw new UsageException(out + " already exists (use --force to overwrite)");
        }
        if (Files.isDirectory(out)) {
            throw new UsageException(out + " is a directory");
        }
    }

    /** {@code in}'s file name with its extension replaced. */
    static String renamed(Path in, String oldExt, String newExt) {
        String name = in.getFileName().toString();
        if (name.toLowerCase().endsWith(oldExt)) {
            name = name.substring(0, name.length() - oldExt.length());
        }
        return name + newExt;
    }
}
