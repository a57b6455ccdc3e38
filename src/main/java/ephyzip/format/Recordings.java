package ephyzip.format;

import ephyzip.io.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads recordings. */
public final class Recordings {
    private Recordings() {
    }

    /**
     * The {@code .wav} files named: a directory stands for the WAV files directly in it, in name
     * order; a plain file stands for itself; a {@code .txt} file lists paths (relative to itself)
     * one per line.
     */
    public static List<Path> list(List<Path> items) throws BadInputException {
        List<Path> out = new ArrayList<>();
        for (Path p : items) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".wav"))
                            .filter(Files::isRegularFile).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new BadInputException(p + ": cannot list directory (" + e.getMessage() + ")");
                }
            } else if (p.toString().endsWith(".txt") && Files.isRegularFile(p)) {
                try {
                    for (String line : Files.readAllLines(p)) {
                        if (!line.isBlank() && !line.startsWith("#")) {
                            out.add(p.toAbsolutePath().getParent().resolve(line.trim()).normalize());
                        }
                    }
                } catch (IOException e) {
                    throw new BadInputException(p + ": cannot read list (" + e.getMessage() + ")");
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new BadInputException(p + ": no such file or directory");
            }
        }
        return out;
    }

    public static WavFile read(Path file) throws BadInputException {
        try {
            return WavFile.parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
