package ephyzip.bench;

import ephyzip.Codec;
import ephyzip.compare.ComparisonPlots;
import ephyzip.format.WavFile;
import ephyzip.model.CnnWeights;
import ephyzip.model.ModelFile;
import ephyzip.model.QuantLayer;
import ephyzip.stream.CoderKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Network size against speed: for each model, its held-out bits a sample (from its card: the
 * whole arith predictor on the held-out training recordings, measured when it was trained) and
 * its single-thread arith decode speed on some recordings. Writes OUT.txt, OUT.csv and OUT.png.
 * Run with {@code java -cp ... ephyzip.bench.SizeSweep OUT RECORDINGS MODEL...}, one core.
 */
public final class SizeSweep {
    private SizeSweep() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SizeSweep OUT_PREFIX RECORDINGS MODEL...");
            System.exit(2);
        }
        LoadedRecordings loaded = LoadedRecordings.read(List.of(Path.of(args[1])));
        List<WavFile> wavs = loaded.wavs();
        long samples = loaded.samples();
        StringBuilder txt = new StringBuilder(String.format(Locale.ROOT,
                "%-28s %-16s %9s %9s %8s %10s %12s%n", "model", "fingerprint", "params", "mult-adds", "epochs",
                "bits/smp", "decode/s"));
        StringBuilder csv = new StringBuilder("model,fingerprint,parameters,multiplyAdds,epochs,heldOutBitsPerSample,"
                + "decodeSamplesPerSecond\n");
        XYSeriesCollection d = new XYSeriesCollection();
        for (int i = 2; i < args.length; i++) {
            Path path = Path.of(args[i]);
            ModelFile m = ModelFile.parse(args[i], Files.readAllBytes(path));
            CnnWeights w = m.model().cnn();
            if (w == null) {
                continue;
            }
            long macs = 0;
            for (QuantLayer l : w.layers()) {
                macs += (long) l.out() * l.taps() * l.in();
            }
            double bits = Double.parseDouble(m.model().card().getOrDefault("heldout.bitsPerSample", "NaN"));
            String epochs = m.model().card().getOrDefault("epochs", "?").replaceAll(" .*", "");
            double rate = decodeRate(new Codec(m), wavs, samples);
            String name = path.getFileName().toString().replaceAll("\\.ezm$", "");
            txt.append(String.format(Locale.ROOT, "%-28s %-16s %9d %9d %8s %10.4f %,12.0f%n", name, m.fingerprint(),
                    w.parameterCount(), macs, epochs, bits, rate));
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%.5f,%.0f%n", name, m.fingerprint(),
                    w.parameterCount(), macs, epochs, bits, rate));
            XYSeries s = new XYSeries(name);
            s.add(rate / 1000, bits);
            d.addSeries(s);
            System.out.print(txt.substring(txt.lastIndexOf("\n", txt.length() - 2) + 1));
        }
        Files.writeString(Path.of(args[0] + ".txt"), txt, StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[0] + ".csv"), csv, StandardCharsets.UTF_8);
        NumberAxis x = new NumberAxis("arith decode, thousand samples a second, one core");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("held-out bits a sample (lower is better)");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setDefaultItemLabelGenerator(new StandardXYItemLabelGenerator("{0}"));
        r.setDefaultItemLabelsVisible(true);
        XYPlot p = new XYPlot(d, x, y, r);
        JFreeChart chart = new JFreeChart("Network size: bits against speed", JFreeChart.DEFAULT_TITLE_FONT, p, false);
        ComparisonPlots.saveXy(chart, p, Path.of(args[0] + ".png"));
    }

    /** Best of three timed passes after a warm-up pass. */
    private static double decodeRate(Codec codec, List<WavFile> wavs, long samples) throws Exception {
        List<byte[]> streams = new ArrayList<>();
        for (WavFile w : wavs) {
            streams.add(codec.encode(w, CoderKind.ARITH));
        }
        double best = 0;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            for (byte[] s : streams) {
                codec.decode(s);
            }
            double rate = samples / ((System.nanoTime() - t0) / 1e9);
            best = rep == 0 ? 0 : Math.max(best, rate);
        }
        return best;
    }
}
