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
     * The recordings named: a directory stands for the recordings directly in it (WAV files,
     * SpikeGLX {@code .bin} files and Open Ephys {@code continuous.dat} files), in name order; a plain file stands for itself; a {@code .txt} file lists paths (relative to itself)
     * one per line.
     */
    public static List<Path> list(List<Path> items) throws BadInputException {
        List<Path> out = new ArrayList<>();
        for (Path p : items) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Recordings::isRecording)
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

    /** Whether a file in a listed directory is a recording ephyzip reads by itself (no layout needed). */
    static boolean isRecording(Path f) {
        String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".wav") || n.endsWith(".bin") || n.equals("continuous.dat");
    }

    /**
     * Every channel of a recording of any kind {@link Inputs} reads, each on its own (training
     * reads each channel as a recording).
     */
    public static List<short[]> channels(Path file) throws BadInputException {
        try (RecordingReader r = Inputs.open(file, null)) {
            int ch = r.channels();
            if (r.samplesPerChannel() * ch > Integer.MAX_VALUE - 16) {
                throw new BadInputException(file + ": too long to train on in one piece");
            }
            int n = (int) r.samplesPerChannel();
            short[] all = new short[n * ch];
            r.read(all, n);
            List<short[]> out = new ArrayList<>();
            for (int c = 0; c < ch; c++) {
                short[] s = new short[n];
                for (int i = 0; i < n; i++) {
                    s[i] = all[i * ch + c];
                }
                out.add(s);
            }
            return out;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static WavFile read(Path file) throws BadInputException {
        try {
            return WavFile.parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
