package ephyzip.bench;

import ephyzip.Codec;
import ephyzip.format.WavFile;
import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import ephyzip.predict.MixerComponent;
import ephyzip.predict.Predictors;
import ephyzip.stream.CoderKind;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * What each part of a network model's {@code arith} predictor is worth: every recording coded
 * (and decoded, checked byte for byte) with the full predictor and with parts of the mixture
 * removed, everything else unchanged; with stream format 4's geometric mixer ("f4", the shipped
 * one) and format 3's linear mixer ("f3"). "vs full" is against f4's full predictor. Ratio counts the model's bytes once. Writes OUT.txt, OUT.csv
 * and OUT.png. Run with {@code java -cp ... ephyzip.bench.Ablation OUT MODEL FILES_OR_LIST...}.
 */
public final class Ablation {
    private Ablation() {
    }

    /** {@code geometric}: format 4's mixer (network and bigram only), else format 3's linear one. */
    private record Variant(String name, boolean geometric, Set<MixerComponent> removed) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("f4 full predictor", true, EnumSet.noneOf(MixerComponent.class)),
            new Variant("f4 - network", true, EnumSet.of(MixerComponent.NETWORK)),
            new Variant("f4 - bigram table", true, EnumSet.of(MixerComponent.BIGRAM)),
            new Variant("f3 full predictor", false, EnumSet.noneOf(MixerComponent.class)),
            new Variant("f3 - network", false, EnumSet.of(MixerComponent.NETWORK)),
            new Variant("f3 - bigram table", false, EnumSet.of(MixerComponent.BIGRAM)),
            new Variant("f3 - recording's histogram", false, EnumSet.of(MixerComponent.HISTOGRAM)),
            new Variant("f3 - conditioned histogram", false, EnumSet.of(MixerComponent.CONDITIONED_HISTOGRAM)),
            new Variant("f3 - both histograms", false, EnumSet.of(MixerComponent.HISTOGRAM,
                    MixerComponent.CONDITIONED_HISTOGRAM)),
            new Variant("f3 network alone", false, EnumSet.of(MixerComponent.BIGRAM, MixerComponent.HISTOGRAM,
                    MixerComponent.CONDITIONED_HISTOGRAM)),
            new Variant("f3 bigram alone", false, EnumSet.of(MixerComponent.NETWORK, MixerComponent.HISTOGRAM,
                    MixerComponent.CONDITIONED_HISTOGRAM)),
            new Variant("f3 histograms alone", false, EnumSet.of(MixerComponent.NETWORK, MixerComponent.BIGRAM)));

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Ablation OUT_PREFIX MODEL FILES_OR_LIST...");
            System.exit(2);
        }
        ModelFile file = ModelFile.parse(args[1], Files.readAllBytes(Path.of(args[1])));
        Model model = file.model();
        List<Path> items = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            items.add(Path.of(args[i]));
        }
        LoadedRecordings loaded = LoadedRecordings.read(items); // read once for all variants
        List<Path> paths = loaded.paths();
        long wavBytes = loaded.wavBytes();
        long samples = loaded.samples();
        Codec codec = new Codec(file);
        String source = paths.size() + " recordings (" + String.join(" ", args).replaceFirst("^\\S+ \\S+ ", "") + ")";
        StringBuilder txt = new StringBuilder("Ablation of the arith predictor of " + args[1] + " (" + file.fingerprint()
                + "), " + source + "; ratio counts the model's " + file.byteCount() + " bytes once\n\n");
        txt.append(String.format(Locale.ROOT, "%-29s %10s %8s %9s %s%n", "predictor", "bits/smp", "ratio",
                "vs full", "round trip"));
        StringBuilder csv = new StringBuilder("predictor,streamBytes,bitsPerSample,ratio,percentVsFull,roundTrip\n");
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        double fullBits = 0;
        for (Variant v : VARIANTS) {
            AtomicLong bytes = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            IntStream.range(0, paths.size()).parallel().forEach(i -> {
                try {
                    byte[] wav = loaded.bytes().get(i);
                    WavFile w = loaded.wavs().get(i);
                    byte[] s = codec.encode(w, CoderKind.ARITH, Codec.defaultFrame(w.channels()),
                            c -> Predictors.without(model, v.removed(), v.geometric()));
                    bytes.addAndGet(s.length);
                    if (!Arrays.equals(wav, codec.decode(s, c -> Predictors.without(model, v.removed(), v.geometric())))) {
                        failures.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            });
            double bits = 8.0 * bytes.get() / samples;
            if (v.removed().isEmpty() && v.geometric()) {
                fullBits = bits;
            }
            double ratio = wavBytes / (double) (bytes.get() + file.byteCount());
            double vsFull = 100.0 * (bits - fullBits) / fullBits;
            String rt = failures.get() == 0 ? "ok" : failures.get() + " FAILED";
            txt.append(String.format(Locale.ROOT, "%-29s %10.4f %8.4f %+8.2f%% %s%n", v.name(), bits, ratio, vsFull, rt));
            csv.append(String.format(Locale.ROOT, "%s,%d,%.5f,%.5f,%.4f,%s%n", v.name(), bytes.get(), bits, ratio, vsFull,
                    rt));
            d.addValue(ratio, "ratio", v.name());
            System.out.print(txt.substring(txt.lastIndexOf("\n", txt.length() - 2) + 1));
        }
        Files.writeString(Path.of(args[0] + ".txt"), txt, StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[0] + ".csv"), csv, StandardCharsets.UTF_8);
        System.setProperty("java.awt.headless", "true");
        JFreeChart c = ChartFactory.createBarChart("Ablation of the arith predictor, " + paths.size() + " recordings",
                null, "input bytes / (output + model bytes)", d, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot p = c.getCategoryPlot();
        BarRenderer br = (BarRenderer) p.getRenderer();
        br.setSeriesPaint(0, new Color(70, 110, 190));
        br.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.000")));
        br.setDefaultItemLabelsVisible(true);
        ((org.jfree.chart.axis.NumberAxis) p.getRangeAxis()).setAutoRangeIncludesZero(false);
        p.getDomainAxis().setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        c.setBackgroundPaint(Color.WHITE);
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(Path.of(args[0] + ".png").toFile(), c, 1000, 560);
    }
}
