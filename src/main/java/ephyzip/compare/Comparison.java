package ephyzip.compare;

import ephyzip.BadInputException;
import ephyzip.wav.Recordings;
import ephyzip.wav.WavFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Compresses every recording on its own with every contender, checks each round trip, and sums
 * up. Files run in parallel; the totals do not depend on the order they finish in.
 */
public final class Comparison {
    private Comparison() {
    }

    public static List<CodecResult> run(List<Path> files, List<Contender> contenders, int threads,
                                        IntConsumer progress) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<long[][]>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    long[][] r = measure(f, contenders);
                    progress.accept(1);
                    return r;
                }));
            }
            long[][] totals = new long[contenders.size()][4];
            boolean[] ok = new boolean[contenders.size()];
            Arrays.fill(ok, true);
            for (Future<long[][]> fu : futures) {
                long[][] r;
                try {
                    r = fu.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
                for (int c = 0; c < contenders.size(); c++) {
                    for (int k = 0; k < 3; k++) {
                        totals[c][k] += r[c][k];
                    }
                    ok[c] &= r[c][3] == 1;
                }
            }
            List<CodecResult> out = new ArrayList<>();
            for (int c = 0; c < contenders.size(); c++) {
                Contender ct = contenders.get(c);
                out.add(new CodecResult(ct.name(), files.size(), totals[c][0], totals[c][1], ct.modelBytes(),
                        totals[c][2], ok[c]));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Per contender: input bytes, output bytes, samples, 1 if the round trip was exact. */
    private static long[][] measure(Path f, List<Contender> contenders) throws Exception {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (java.io.IOException e) {
            throw new BadInputException(f + ": cannot read (" + e.getMessage() + ")");
        }
        int samples = WavFile.parse(f.toString(), bytes).sampleCount();
        long[][] r = new long[contenders.size()][];
        for (int c = 0; c < contenders.size(); c++) {
            Contender ct = contenders.get(c);
            byte[] packed = ct.compress(bytes);
            boolean same;
            try {
                same = Arrays.equals(ct.decompress(packed), bytes);
            } catch (Exception e) {
                same = false;
            }
            r[c] = new long[] {bytes.length, packed.length, samples, same ? 1 : 0};
        }
        return r;
    }

    public static List<Path> recordings(Path dir) throws BadInputException {
        return Recordings.list(List.of(dir));
    }
}
