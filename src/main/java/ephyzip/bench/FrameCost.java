package ephyzip.bench;

import ephyzip.Codec;
import ephyzip.compare.Comparison;
import ephyzip.compare.ComparisonPlots;
import ephyzip.format.Recordings;
import ephyzip.format.WavFile;
import ephyzip.model.ModelFile;
import ephyzip.model.ModelKind;
import ephyzip.predict.Predictors;
import ephyzip.stream.CoderKind;
import ephyzip.stream.FrameIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What short frames cost: every file coded with each model, each coder and frames of 20, 200,
 * 2,000 and the default 16,384 samples, decoded again to check, with sizes and coding time per
 * frame. Files run in parallel on all cores; the results do not depend on it.
 *
 * <pre>java -cp ... ephyzip.bench.FrameCost OUTDIR MODEL.ezm... FILES_OR_DIRS_OR_LISTS...</pre>
 */
public final class FrameCost {
    static final int[] FRAMES = {20, 200, 2000, Codec.DEFAULT_FRAME};

    private record Config(String model, ModelFile file, CoderKind coder, int frame) {
        String label() {
            return model + " " + coder.label();
        }
    }

    /** Totals over the files for one configuration. */
    private static final class Totals {
        long wavBytes;
        long streamBytes;
        long samples;
        long frames;
        long lengthBytes;
        long encodeNanos;
        long decodeNanos;
        int mismatches;
    }

    private FrameCost() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Config> configs = new ArrayList<>();
        List<Path> items = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].endsWith(".ezm")) {
                ModelFile m = ModelFile.parse(args[i], Files.readAllBytes(Path.of(args[i])));
                String name = m.model().kind() == ModelKind.CNN ? "network" : m.model().kind().label;
                for (CoderKind k : List.of(CoderKind.ARITH, CoderKind.RANK)) {
                    for (int f : FRAMES) {
                        configs.add(new Config(name, m, k, f));
                    }
                }
            } else {
                items.add(Path.of(args[i]));
            }
        }
        List<Path> files = Recordings.list(items);
        Totals[] totals = new Totals[configs.size()];
        Arrays.setAll(totals, i -> new Totals());
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Totals[]>> results = new ArrayList<>();
        for (Path f : files) {
            results.add(pool.submit(() -> measure(f, configs)));
        }
        int done = 0;
        for (Future<Totals[]> r : results) {
            Totals[] t = r.get();
            for (int i = 0; i < t.length; i++) {
                add(totals[i], t[i]);
            }
            System.err.printf("\r%d/%d files", ++done, files.size());
        }
        System.err.println();
        pool.shutdown();
        Files.createDirectories(out);
        String source = files.size() + " files of " + String.join(" ", args).replaceAll("\\S+\\.ezm ?", "").trim()
                .replaceFirst("^\\S+ ", "");
        write(out, configs, totals, source, threads);
    }

    private static Totals[] measure(Path f, List<Config> configs) throws Exception {
        byte[] bytes = Files.readAllBytes(f);
        WavFile wav = WavFile.parse(f.toString(), bytes);
        Totals[] out = new Totals[configs.size()];
        for (int i = 0; i < configs.size(); i++) {
            Config c = configs.get(i);
            Codec codec = new Codec(c.file());
            long t0 = System.nanoTime();
            byte[] stream = codec.encode(wav, c.coder(), c.frame(), ch -> Predictors.of(c.file().model()));
            long t1 = System.nanoTime();
            byte[] back = codec.decode(stream);
            long t2 = System.nanoTime();
            Totals t = new Totals();
            t.wavBytes = bytes.length;
            t.streamBytes = stream.length;
            t.samples = wav.sampleCount();
            t.frames = (wav.samplesPerChannel() + c.frame() - 1) / c.frame();
            t.lengthBytes = lengthPrefixBytes(stream);
            t.encodeNanos = t1 - t0;
            t.decodeNanos = t2 - t1;
            t.mismatches = Arrays.equals(back, bytes) ? 0 : 1;
            out[i] = t;
        }
        return out;
    }

    /** Bytes of the streams' frame length prefixes, which a link that delimits packets would not need. */
    private static long lengthPrefixBytes(byte[] stream) throws Exception {
        return FrameIndex.of(stream).stream().mapToLong(FrameIndex.Frame::prefixBytes).sum();
    }

    private static void add(Totals into, Totals t) {
        into.wavBytes += t.wavBytes;
        into.streamBytes += t.streamBytes;
        into.samples += t.samples;
        into.frames += t.frames;
        into.lengthBytes += t.lengthBytes;
        into.encodeNanos += t.encodeNanos;
        into.decodeNanos += t.decodeNanos;
        into.mismatches += t.mismatches;
    }

    private static void write(Path out, List<Config> configs, Totals[] totals, String source, int threads)
            throws Exception {
        StringBuilder txt = new StringBuilder();
        StringBuilder json = new StringBuilder("[\n");
        txt.append("Frame length cost, ").append(source).append('\n');
        txt.append("ratio: WAV bytes / (stream bytes + model bytes once); cost: extra stream bytes against"
                + " frames of " + Codec.DEFAULT_FRAME + "; cost w/o len: the same without the frames' length"
                + " prefixes (a link whose packets delimit frames does not need them)\n");
        txt.append("latency: frame duration at 19,531 Hz + measured time to encode and decode one frame of one"
                + " channel (one core, " + threads + " files at once)\n\n");
        txt.append(String.format(Locale.ROOT, "%-14s %7s %7s %9s %8s %12s %9s %10s %10s %s%n", "codec", "frame",
                "ratio", "bits/smp", "cost", "cost w/o len", "frame ms", "enc us/fr", "dec us/fr", "round trip"));
        XYSeriesCollection d = new XYSeriesCollection();
        for (int i = 0; i < configs.size(); i++) {
            Config c = configs.get(i);
            Totals t = totals[i];
            Totals base = totals[indexOf(configs, c.model(), c.coder(), Codec.DEFAULT_FRAME)];
            double ratio = (double) t.wavBytes / (t.streamBytes + c.file().byteCount());
            double bits = 8.0 * t.streamBytes / t.samples;
            double cost = 100.0 * (t.streamBytes - base.streamBytes) / base.streamBytes;
            double costNoLen = 100.0 * (t.streamBytes - t.lengthBytes - base.streamBytes + base.lengthBytes)
                    / base.streamBytes;
            double frameMs = 1000.0 * c.frame() / Comparison.IMPLANT_RATE;
            double encUs = t.encodeNanos / 1e3 / t.frames;
            double decUs = t.decodeNanos / 1e3 / t.frames;
            boolean ok = t.mismatches == 0;
            txt.append(String.format(Locale.ROOT, "%-14s %7d %7.3f %9.3f %7.2f%% %11.2f%% %9.2f %10.1f %10.1f %s%n",
                    c.label(), c.frame(), ratio, bits, cost, costNoLen, frameMs, encUs, decUs, ok ? "ok"
                            : t.mismatches + " FAILED"));
            json.append(String.format(Locale.ROOT, "  {\"model\": \"%s\", \"fingerprint\": \"%s\", \"coder\": \"%s\","
                            + " \"frame\": %d, \"wavBytes\": %d, \"streamBytes\": %d, \"modelBytes\": %d,"
                            + " \"ratio\": %.5f, \"bitsPerSample\": %.5f, \"costPercent\": %.4f,"
                            + " \"costPercentWithoutLengths\": %.4f, \"frameMs\": %.4f,"
                            + " \"encodeMicrosPerFrame\": %.3f, \"decodeMicrosPerFrame\": %.3f,"
                            + " \"roundTripFailures\": %d}%s%n",
                    c.model(), c.file().fingerprint(), c.coder().label(), c.frame(), t.wavBytes, t.streamBytes,
                    c.file().byteCount(), ratio, bits, cost, costNoLen, frameMs, encUs, decUs, t.mismatches,
                    i == configs.size() - 1 ? "" : ","));
            XYSeries s = series(d, c.label());
            s.add(c.frame(), ratio);
        }
        json.append("]\n");
        Files.writeString(out.resolve("frames.txt"), txt, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("frames.json"), json, StandardCharsets.UTF_8);
        System.out.print(txt);
        LogAxis x = new LogAxis("frame length, samples per channel (log; 20 = 1 ms)");
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        NumberAxis y = new NumberAxis("ratio (model bytes counted)");
        y.setAutoRangeIncludesZero(false);
        XYPlot p = new XYPlot(d, x, y, new XYLineAndShapeRenderer(true, true));
        JFreeChart chart = new JFreeChart("Ratio against frame length, " + source, JFreeChart.DEFAULT_TITLE_FONT, p,
                true);
        ComparisonPlots.saveXy(chart, p, out.resolve("frames.png"));
    }

    private static XYSeries series(XYSeriesCollection d, String key) {
        for (Object o : d.getSeries()) {
            XYSeries s = (XYSeries) o;
            if (s.getKey().equals(key)) {
                return s;
            }
        }
        XYSeries s = new XYSeries(key);
        d.addSeries(s);
        return s;
    }

    private static int indexOf(List<Config> configs, String model, CoderKind coder, int frame) {
        for (int i = 0; i < configs.size(); i++) {
            Config c = configs.get(i);
            if (c.model().equals(model) && c.coder() == coder && c.frame() == frame) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
