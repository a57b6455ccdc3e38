package ephyzip.train;

import ephyzip.model.ModelFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The end-of-training report: a JSON file and a PNG of the learning curves. */
public final class TrainingReport {
    private TrainingReport() {
    }

    public static void write(Path json, Path png, ModelFile model, List<EpochResult> history, int bestEpoch)
            throws IOException {
        StringBuilder sb = new StringBuilder("{\n  \"model\": \"").append(model.fingerprint()).append("\",\n");
        sb.append("  \"modelBytes\": ").append(model.byteCount()).append(",\n  \"bestEpoch\": ").append(bestEpoch)
                .append(",\n  \"card\": {");
        int i = 0;
        for (Map.Entry<String, String> e : model.model().card().entrySet()) {
            sb.append(i++ == 0 ? "\n" : ",\n").append("    \"").append(esc(e.getKey())).append("\": \"")
                    .append(esc(e.getValue())).append('"');
        }
        sb.append("\n  },\n  \"epochs\": [\n");
        for (int k = 0; k < history.size(); k++) {
            sb.append("    ").append(history.get(k).toJson()).append(k + 1 < history.size() ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        Files.writeString(json, sb.toString(), StandardCharsets.UTF_8);
        writeChart(png, history);
    }

    private static void writeChart(Path png, List<EpochResult> history) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries train = new XYSeries("training loss (bits/sample, network classes only)");
        XYSeries held = new XYSeries("held-out bits/sample (integer path, as coded)");
        XYSeries top1 = new XYSeries("held-out top-1 hit rate");
        XYSeries top16 = new XYSeries("held-out top-16 hit rate");
        for (EpochResult r : history) {
            train.add(r.epoch(), r.trainLoss());
            held.add(r.epoch(), r.heldOutBits());
            top1.add(r.epoch(), r.top1());
            top16.add(r.epoch(), r.top16());
        }
        XYSeriesCollection bits = new XYSeriesCollection();
        bits.addSeries(train);
        bits.addSeries(held);
        XYSeriesCollection rates = new XYSeriesCollection();
        rates.addSeries(top1);
        rates.addSeries(top16);
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis bitsAxis = new NumberAxis("bits per sample");
        bitsAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(bits, epochAxis, bitsAxis, renderer(Color.BLUE, Color.RED));
        NumberAxis rateAxis = new NumberAxis("hit rate");
        rateAxis.setRange(0, 1);
        plot.setRangeAxis(1, rateAxis);
        plot.setDataset(1, rates);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(new Color(0, 140, 0), new Color(200, 120, 0)));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("ephyzip network training", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 550);
    }

    private static XYLineAndShapeRenderer renderer(Color a, Color b) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, a);
        r.setSeriesPaint(1, b);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        return r;
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
