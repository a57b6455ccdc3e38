package ephyzip.bench;

import ephyzip.format.Recordings;
import ephyzip.format.WavFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Writes copies of recordings as other acquisition systems would store them (issue: any 16-bit
 * recording compresses well), each set in a folder of its own under OUT:
 * <ul>
 *   <li>{@code unscaled}: the 10-bit samples unscaled, {@code floor(x / 64)};</li>
 *   <li>{@code 12bit}: 12-bit-like, {@code floor(x / 16)} plus uniform noise in -3..3;</li>
 *   <li>{@code shifted}: the grid shifted by 7, {@code x + 7} (clamped to 16 bits);</li>
 *   <li>{@code noise}: uniform noise over the whole 16-bit range, same length.</li>
 * </ul>
 * Noise is seeded per file from {@link #SEED} and the file's position, so the sets are the same
 * on every run. Usage: {@code Transform OUT FILES_OR_DIRS_OR_LISTS...}
 */
public final class Transform {
    public static final long SEED = 20261124L;
    public static final List<String> SETS = List.of("unscaled", "12bit", "shifted", "noise");

    private Transform() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Transform OUT FILES_OR_DIRS_OR_LISTS...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<Path> files = Recordings.list(java.util.Arrays.stream(args).skip(1).map(Path::of).toList());
        for (String set : SETS) {
            Files.createDirectories(out.resolve(set));
        }
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            WavFile w = WavFile.parse(f.toString(), Files.readAllBytes(f));
            Random r = new Random(SEED + i);
            for (String set : SETS) {
                IntUnaryOperator op = switch (set) {
                    case "unscaled" -> x -> Math.floorDiv(x, 64);
                    case "12bit" -> x -> Math.floorDiv(x, 16) + r.nextInt(7) - 3;
                    case "shifted" -> x -> Math.min(Short.MAX_VALUE, x + 7);
                    default -> x -> r.nextInt(65536) - 32768;
                };
                short[] s = w.samples().clone(); // samples() is the file's own array
                for (int k = 0; k < s.length; k++) {
                    s[k] = (short) op.applyAsInt(s[k]);
                }
                Files.write(out.resolve(set).resolve(f.getFileName()),
                        WavFile.of(w.sampleRate(), w.channels(), s).toBytes());
            }
            System.err.printf("\r%d/%d", i + 1, files.size());
        }
        System.err.println();
    }
}
