package ephyzip.format;

import ephyzip.io.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a recording of any kind ephyzip reads, telling the kind from the file and its sidecars:
 * <ul>
 *   <li>a flat file when the caller gives its layout ({@code channels} and {@code rate});</li>
 *   <li>SpikeGLX: {@code NAME.bin}, described by {@code NAME.meta} ({@code nSavedChans}, and
 *       {@code imSampRate} or {@code niSampRate}; {@code fileSizeBytes} checked when present);</li>
 *   <li>Open Ephys: {@code continuous.dat} in a stream folder, described by the
 *       {@code structure.oebin} of its recording folder (two levels up): the {@code continuous}
 *       entry whose {@code folder_name} is the stream folder ({@code num_channels},
 *       {@code sample_rate});</li>
 *   <li>anything else is read as WAV.</li>
 * </ul>
 * Sidecars are read, never written. One that is missing, unreadable or disagrees with the data
 * file is a {@link BadInputException} naming it.
 */
public final class Inputs {
    /** The most channels a flat file may declare (the stream's limit). */
    public static final int MAX_CHANNELS = 4096;

    private Inputs() {
    }

    /** A flat file's layout, as the command line gives it. */
    public record Layout(int channels, double rate) {
    }

    /** Opens {@code file}; {@code layout}: a flat file's layout from the caller, or null to tell by the file. */
    public static RecordingReader open(Path file, Layout layout) throws BadInputException {
        if (layout != null) {
            return RecordingReader.openFlat(file, InputKind.RAW, layout.channels(), layout.rate());
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bin")) {
            Path meta = file.resolveSibling(name.substring(0, name.length() - 4) + ".meta");
            Layout l = spikeGlx(file, meta);
            return RecordingReader.openFlat(file, InputKind.SPIKEGLX, l.channels(), l.rate());
        }
        if (lower.equals("continuous.dat")) {
            Layout l = openEphys(file);
            return RecordingReader.openFlat(file, InputKind.OPEN_EPHYS, l.channels(), l.rate());
        }
        return RecordingReader.openWav(file);
    }

    static Layout spikeGlx(Path bin, Path meta) throws BadInputException {
        if (!Files.isRegularFile(meta)) {
            throw new BadInputException(bin + ": SpikeGLX sidecar " + meta.getFileName() + " is missing (a .bin file"
                    + " is read as SpikeGLX; for another flat file give --channels and --rate)");
        }
        Map<String, String> m = new HashMap<>();
        for (String line : readLines(meta)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        int channels = (int) number(meta, m, "nSavedChans", 1, MAX_CHANNELS);
        String rateKey = m.containsKey("imSampRate") ? "imSampRate" : "niSampRate";
        double rate = number(meta, m, rateKey, 1e-3, 1e9);
        long size = size(bin);
        if (m.containsKey("fileSizeBytes")) {
            long declared = (long) number(meta, m, "fileSizeBytes", 0, Long.MAX_VALUE);
            if (declared != size) {
                throw new BadInputException(meta + ": fileSizeBytes=" + declared + " but " + bin.getFileName()
                        + " holds " + size + " bytes");
            }
        }
        checkWhole(bin, size, channels, meta);
        return new Layout(channels, rate);
    }

    static Layout openEphys(Path dat) throws BadInputException {
        Path abs = dat.toAbsolutePath();
        Path stream = abs.getParent();
        Path continuous = stream == null ? null : stream.getParent();
        Path recording = continuous == null ? null : continuous.getParent();
        Path oebin = recording == null ? null : recording.resolve("structure.oebin");
        if (oebin == null || !Files.isRegularFile(oebin)) {
            throw new BadInputException(dat + ": Open Ephys sidecar structure.oebin is missing (looked for it in the"
                    + " recording folder, two levels above continuous.dat)");
        }
        Object doc;
        try {
            doc = Json.parse(String.join("\n", readLines(oebin)));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(oebin + ": not valid JSON (" + e.getMessage() + ")");
        }
        String folder = stream.getFileName().toString();
        if (doc instanceof Map<?, ?> root && root.get("continuous") instanceof List<?> entries) {
            for (Object e : entries) {
                if (e instanceof Map<?, ?> entry && entry.get("folder_name") instanceof String f
                        && trimSlashes(f).equals(folder)) {
                    int channels = (int) jsonNumber(oebin, entry, "num_channels", 1, MAX_CHANNELS);
                    double rate = jsonNumber(oebin, entry, "sample_rate", 1e-3, 1e9);
                    checkWhole(dat, size(dat), channels, oebin);
                    return new Layout(channels, rate);
                }
            }
            throw new BadInputException(oebin + ": no continuous entry has folder_name \"" + folder + "\"");
        }
        throw new BadInputException(oebin + ": has no \"continuous\" list");
    }

    private static String trimSlashes(String s) {
        String t = s.replace('\\', '/');
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        int slash = t.lastIndexOf('/');
        return slash >= 0 ? t.substring(slash + 1) : t;
    }

    private static void checkWhole(Path data, long size, int channels, Path sidecar) throws BadInputException {
        if (size % (2L * channels) != 0) {
            throw new BadInputException(data + ": " + size + " bytes are not a whole number of samples of the "
                    + channels + " 16-bit channels that " + sidecar.getFileName() + " declares");
        }
    }

    private static long size(Path p) throws BadInputException {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new BadInputException(p + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static List<String> readLines(Path p) throws BadInputException {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(p + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static double number(Path file, Map<String, String> m, String key, double min, double max)
            throws BadInputException {
        String v = m.get(key);
        if (v == null) {
            throw new BadInputException(file + ": " + key + " is missing");
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ": " + key + "=" + v + " is not a number");
        }
        if (!(d >= min && d <= max)) {
            throw new BadInputException(file + ": " + key + "=" + v + " is out of range");
        }
        return d;
    }

    private static double jsonNumber(Path file, Map<?, ?> m, String key, double min, double max)
            throws BadInputException {
        if (!(m.get(key) instanceof Double d)) {
            throw new BadInputException(file + ": " + key + " is missing or not a number");
        }
        if (!(d >= min && d <= max)) {
            throw new BadInputException(file + ": " + key + "=" + d + " is out of range");
        }
        return d;
    }
}
