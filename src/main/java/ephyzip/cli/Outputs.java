package ephyzip.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where outputs go, and the rule that existing files are kept unless --force. */
final class Outputs {
    /** The extension of compressed streams. */
    static final String EXT = ".ezp";

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

    /** Standard input or output, spelled {@code -}. */
    static boolean isStdio(Path p) {
        return p.toString().equals("-");
    }

    /** The stream's name for {@code in}: its name with {@code .ezp} added (x.wav -> x.wav.ezp). */
    static String encodedName(Path in) {
        return in.getFileName() + EXT;
    }

    /** The restored file's name for {@code in}: its name without {@code .ezp}; null if it has none. */
    static String decodedName(Path in) {
        String name = in.getFileName().toString();
        return name.toLowerCase().endsWith(EXT) && name.length() > EXT.length()
                ? name.substring(0, name.length() - EXT.length()) : null;
    }
}
