package ephyzip.cli;

import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Picks the loops for a command's work before anything loads them: the scalar loops
 * for a small job, the vector units otherwise. The vector path is four times faster once
 * compiled, but the Vector API runs boxed until the JIT's last tier has compiled it, about a
 * second into a process; a job that ends before then finishes sooner on the scalar loops. Both
 * give the same bits. Measured on one core (docs/results.md, "Start-up"): one 5-s recording
 * decodes in 1.49 s scalar against 2.16 s vector, three in 2.19 against 2.26 s, five in 3.08
 * against 2.41 s; on two cores the crossing lies near five recordings. Hence scalar up to
 * {@link #SAMPLES_PER_CORE} samples per core (at most four cores counted). A choice made with
 * {@code -Dephyzip.scalar=true|false} stands.
 *
 * <p>The residual path's loops (its LMS stages and least squares) follow the same choice. They
 * gain less from the vector units (1.2 to 1.4 times warm), so a decode counts a residual-path
 * sample as {@code 1 / RESIDUAL_WEIGHT} of a network sample: measured on one core (2026-11-29),
 * the 30 external WAV files' streams (4.1 M samples) decode in 2.82 s scalar against 3.10 s
 * vector, three times as many in 6.09 against 5.89 s.
 */
final class InferencePath {
    static final long SAMPLES_PER_CORE = 250_000;
    /** A residual-path sample counts as this fraction of a network sample: vector from 8 M samples a core. */
    static final int RESIDUAL_WEIGHT = 32;
    /** Cores counted at most (the crossing was measured on one and two). */
    static final int MAX_CORES = 4;
    private static final String PROPERTY = "ephyzip.scalar";
    /**
     * Whether this process is the command line's own ({@link Main#main}): a program or test that
     * runs commands in its own JVM keeps the path it has (the choice holds for the whole process).
     */
    static volatile boolean ownProcess;

    private InferencePath() {
    }

    /** Sets the scalar loops when {@code samples} (the samples the network may run on) are few. */
    static void forSamples(long samples) {
        int cores = Math.min(MAX_CORES, Runtime.getRuntime().availableProcessors());
        if (ownProcess && System.getProperty(PROPERTY) == null && samples >= 0 && samples <= SAMPLES_PER_CORE * cores) {
            System.setProperty(PROPERTY, "true");
        }
    }

    /**
     * Samples in the streams among {@code args} (directories stand for their .ezp files) that a
     * network may decode (the grid-path coders), plus the residual path's at
     * {@link #RESIDUAL_WEIGHT} to one; -1 when one cannot be told (standard input, an unreadable
     * header: the vector path stays).
     */
    static long inStreams(List<Path> args) {
        long total = 0;
        long residual = 0;
        try {
            for (Path p : FileJob.expand(args, f -> f.getFileName().toString().toLowerCase().endsWith(Outputs.EXT))) {
                if (Outputs.isStdio(p)) {
                    return -1;
                }
                if (!p.getFileName().toString().toLowerCase().endsWith(Outputs.EXT) || !Files.isRegularFile(p)) {
                    continue; // an output, or a missing file the command reports
                }
                try (InputStream in = Files.newInputStream(p)) {
                    StreamHeader h = StreamHeader.read(in);
                    long samples = h.samplesPerChannel() * h.channels();
                    if (h.coder().grid()) {
                        total += samples;
                    } else if (h.coder() == CoderKind.RESIDUAL) {
                        residual += samples;
                    }
                    if (total + residual / RESIDUAL_WEIGHT > MAX_CORES * SAMPLES_PER_CORE) {
                        // large whatever the rest holds: ten thousand streams need not be opened
                        return total + residual / RESIDUAL_WEIGHT;
                    }
                }
            }
        } catch (IOException | ephyzip.io.BadInputException | UsageException e) {
            return -1;
        }
        return total + residual / RESIDUAL_WEIGHT;
    }

    /** Samples in the recordings among {@code args}, told from their sizes (2 bytes a sample); -1 for standard input. */
    static long inRecordings(List<Path> args) {
        long bytes = 0;
        try {
            for (Path p : FileJob.expand(args, f -> true)) {
                if (Outputs.isStdio(p)) {
                    return -1;
                }
                if (Files.isRegularFile(p)) {
                    bytes += Files.size(p);
                }
            }
        } catch (IOException | UsageException e) {
            return -1;
        }
        return bytes / 2;
    }
}
