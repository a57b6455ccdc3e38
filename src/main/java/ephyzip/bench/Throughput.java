package ephyzip.bench;

import ephyzip.Codec;
import ephyzip.compare.Comparison;
import ephyzip.format.WavFile;
import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread encode and decode speed of a model on some recordings, after a warm-up: samples
 * a second (the median of {@link #PASSES} passes), and how many times real time that is for one channel at 19,531 Hz and for a
 * 1,024-channel implant. Run with {@code bin/benchmark MODEL FILES_OR_DIRS...}.
 */
public final class Throughput {

    private Throughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: benchmark MODEL FILES_OR_DIRS...");
            System.exit(2);
        }
        ModelFile model = ModelFile.parse(args[0], Files.readAllBytes(Path.of(args[0])));
        List<Path> items = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            items.add(Path.of(args[i]));
        }
        LoadedRecordings loaded = LoadedRecordings.read(items);
        List<WavFile> wavs = loaded.wavs();
        long samples = loaded.samples();
        Codec plain = new Codec(model);
        System.out.printf(Locale.ROOT, "model %s (%s), %d files, %d samples, one thread%n", model.fingerprint(),
                model.model().kind(), wavs.size(), samples);
        List<Object[]> runs = new ArrayList<>();
        for (CoderKind k : CoderKind.values()) {
            if (k == CoderKind.FAST) { // each variant: levels 1 to 3 where the grid does not fit
                for (int v = 0; v < ephyzip.residual.FastChannel.VARIANTS; v++) {
                    runs.add(new Object[] {"fast-" + v, plain.withFastPath(v), k});
                }
            } else {
                runs.add(new Object[] {k.label(), plain, k});
            }
            if (k == CoderKind.ARITH && model.model().cnn() != null) {
                // levels 7 to 9: the class histogram where the encoder's trial finds it smaller; and in every stream
                runs.add(new Object[] {"arith-9", plain.withClassHistogram(), k});
                runs.add(new Object[] {"arith-f9", plain.withClassHistogramAlways(), k});
            }
            if (k == CoderKind.RESIDUAL) { // level 9: the heavier presets allowed (the encoder's trials included)
                runs.add(new Object[] {"residual-9", plain.withLongStages(), k});
            }
        }
        if (model.model().cnn() != null) {
            // levels 4 and 5: the network not run. Last: its mixer's profile (no network weight)
            // would slow the network's mixer compiled after it
            runs.add(new Object[] {"arith-4", plain.withoutNetwork(), CoderKind.ARITH});
        }
        for (Object[] run : runs) {
            String label = (String) run[0];
            Codec codec = (Codec) run[1];
            CoderKind k = (CoderKind) run[2];
            List<byte[]> streams = new ArrayList<>();
            for (WavFile w : wavs) {
                streams.add(codec.encode(w, k)); // also the warm-up
            }
            for (int rep = 0; rep < 2; rep++) {
                codec.decode(streams.get(0));
            }
            // a pass takes about half a second and this kind of VM varies by several percent
            // from pass to pass: the median of PASSES, the spread beside it
            long[] enc = new long[PASSES];
            long[] dec = new long[PASSES];
            for (int pass = 0; pass < PASSES; pass++) {
                long t0 = System.nanoTime();
                for (WavFile w : wavs) {
                    codec.encode(w, k);
                }
                long t1 = System.nanoTime();
                for (byte[] s : streams) {
                    codec.decode(s);
                }
                enc[pass] = t1 - t0;
                dec[pass] = System.nanoTime() - t1;
            }
            report(label + " encode", samples, enc);
            report(label + " decode", samples, dec);
        }
    }

    /** Timed passes over all the recordings, per coder and direction. */
    static final int PASSES = 5;

    private static void report(String what, long samples, long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        double median = samples / (sorted[sorted.length / 2] / 1e9);
        double slowest = samples / (sorted[sorted.length - 1] / 1e9);
        double fastest = samples / (sorted[0] / 1e9);
        System.out.printf(Locale.ROOT, "%-13s %,10.0f samples/s (median of %d; %,.0f to %,.0f) = %6.1fx real time for 1 channel, %.3fx for 1,024%n",
                what, median, nanos.length, slowest, fastest, median / Comparison.IMPLANT_RATE,
                median / Comparison.IMPLANT_RATE / Comparison.IMPLANT_CHANNELS);
    }

}
