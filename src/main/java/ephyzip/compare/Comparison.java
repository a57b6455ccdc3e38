package ephyzip.compare;

import ephyzip.format.Inputs;
import ephyzip.format.RecordingReader;
import ephyzip.format.WavFile;
import ephyzip.io.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Compresses every recording on its own with every contender, checks each round trip, and sums
 * up. Files run in parallel; results are added in file order, so everything but the timings is
 * the same whatever the number of threads.
 */
public final class Comparison {
    /**
     * Samples a second of one channel of the implant these figures are about (the Neuralink
     * recordings): real-time factors are measured against it.
     */
    public static final int IMPLANT_RATE = 19_531;
    /** Channels of that implant. */
    public static final int IMPLANT_CHANNELS = 1_024;

    /**
     * Whether every ephyzip contender round-tripped every file (a baseline tool that refuses a
     * file is reported, not counted). Here, not in the CLI, so that the CLI's classes name no
     * compare type in a method signature: picocli reads them on the lean class path too.
     */
    public static boolean ephyzipRoundTripsOk(List<CodecResult> results) {
        return results.stream().filter(r -> r.modelKind() != null).allMatch(CodecResult::roundTripOk);
    }

    private Comparison() {
    }

    /** The file's bytes if it is a WAV file, else the canonical WAV file of its samples. */
    static byte[] asWav(Path f, Inputs.Layout layout) throws BadInputException {
        try {
            if (f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav")) {
                return Files.readAllBytes(f);
            }
            try (RecordingReader r = Inputs.open(f, layout)) {
                long all = r.samplesPerChannel() * r.channels();
                if (all > (Integer.MAX_VALUE - 64) / 2) {
                    throw new BadInputException(f + ": too long to compare in memory");
                }
                short[] s = new short[(int) all];
                r.read(s, (int) r.samplesPerChannel());
                return WavFile.of((int) Math.round(r.rate()), r.channels(), s).toBytes();
            }
        } catch (java.io.IOException e) {
            throw new BadInputException(f + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static List<CodecResult> run(List<Path> files, List<Contender> contenders, int threads,
                                        IntConsumer progress) throws Exception {
        return run(files, null, contenders, threads, progress);
    }

    /**
     * As {@link #run(List, List, int, IntConsumer)}, for recordings of any kind {@link Inputs}
     * reads ({@code layout}: a flat file's channels and rate, null to tell by the file): each that
     * is not a WAV file is compared as the canonical WAV file of its samples.
     */
    public static List<CodecResult> run(List<Path> files, Inputs.Layout layout, List<Contender> contenders,
                                        int threads, IntConsumer progress) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<FileResult>>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    List<FileResult> r = measure(f, layout, contenders);
                    progress.accept(1);
                    return r;
                }));
            }
            List<CodecResult> out = new ArrayList<>();
            for (Contender c : contenders) {
                out.add(new CodecResult(c.name(), c.modelKind(), c.modelBytes(), c.ranks()));
            }
            for (Future<List<FileResult>> fu : futures) {
                List<FileResult> r;
                try {
                    r = fu.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
                for (int c = 0; c < contenders.size(); c++) {
                    out.get(c).add(r.get(c));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<FileResult> measure(Path f, Inputs.Layout layout, List<Contender> contenders)
            throws Exception {
        byte[] bytes = asWav(f, layout);
        int samples = WavFile.parse(f.toString(), bytes).sampleCount();
        List<FileResult> r = new ArrayList<>();
        for (Contender c : contenders) {
            r.add(c.run(bytes, samples));
        }
        return r;
    }
}
