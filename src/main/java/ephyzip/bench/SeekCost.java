package ephyzip.bench;

import ephyzip.Codec;
import ephyzip.format.WavFile;
import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamReader;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What restart points cost and what they buy: each recording encoded with restart points every K
 * samples per channel (K = 0: none), the stream's size against K = 0, and the time from opening
 * the stream to holding the frame at a random sample (seek to the restart point before it, decode
 * up to it; the stream in memory, one thread, warm), median and worst of 20 seeded positions.
 *
 * <p>{@code java -cp "target/ephyzip.jar:target/lib/*" ephyzip.bench.SeekCost MODEL OUT.txt WAVS...}
 */
public final class SeekCost {
    private static final long[] INTERVALS = {0, 1 << 16, 1 << 17, 1 << 18, 1 << 19, 1 << 20};

    private SeekCost() {
    }

    public static void main(String[] args) throws Exception {
        ModelFile model = ModelFile.parse(args[0], Files.readAllBytes(Path.of(args[0])));
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        LoadedRecordings recs = LoadedRecordings.read(files);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            out.println("file\tchannels\tsamples_per_channel\trestart\tbytes\tcost_percent\tseek_median_ms\tseek_max_ms");
            long[] total = new long[INTERVALS.length];
            for (int f = 0; f < recs.wavs().size(); f++) {
                WavFile wav = recs.wavs().get(f);
                long base = 0;
                for (int k = 0; k < INTERVALS.length; k++) {
                    Codec codec = new Codec(model).withRestartEvery(INTERVALS[k]);
                    byte[] stream = codec.encode(wav, CoderKind.ARITH);
                    if (k == 0) {
                        base = stream.length;
                    }
                    total[k] += stream.length;
                    double[] ms = seeks(codec, stream, wav.samplesPerChannel());
                    String line = String.format(java.util.Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%.3f\t%.1f\t%.1f",
                            recs.paths().get(f).getFileName(), wav.channels(), wav.samplesPerChannel(), INTERVALS[k],
                            stream.length, 100.0 * (stream.length - base) / base, ms[0], ms[1]);
                    out.println(line);
                    out.flush();
                    System.err.println(line);
                }
            }
            for (int k = 1; k < INTERVALS.length; k++) {
                out.printf(java.util.Locale.ROOT, "all\t\t\t%d\t%d\t%.3f\t\t%n", INTERVALS[k], total[k],
                        100.0 * (total[k] - total[0]) / total[0]);
            }
        }
    }

    /** Median and worst time (ms) from open to the frame holding a random sample. */
    private static double[] seeks(Codec codec, byte[] stream, long samples) throws Exception {
        Random random = new Random(20261129);
        seek(codec, stream, samples / 2); // warm the decoder
        double[] t = new double[20];
        for (int i = 0; i < t.length; i++) {
            long at = (long) (random.nextDouble() * samples);
            long t0 = System.nanoTime();
            seek(codec, stream, at);
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return new double[] {t[t.length / 2], t[t.length - 1]};
    }

    private static void seek(Codec codec, byte[] stream, long sample) throws Exception {
        StreamReader r = codec.open(new ByteArrayInputStream(stream));
        r.seekFrame(sample / r.header().frameLength());
        r.nextFrame();
    }
}
