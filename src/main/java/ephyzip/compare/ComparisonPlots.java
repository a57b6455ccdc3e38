package ephyzip.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The comparison as pictures: ratio per codec, per-file ratios, rank histograms, ratio against speed. */
public final class ComparisonPlots {
    private ComparisonPlots() {
    }

    /** Writes the four PNGs into {@code dir}; {@code source} names the recordings in every title. */
    public static void write(Path dir, List<CodecResult> results, String source) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        ratioBars(dir.resolve("ratio.png"), results, source);
        fileRatios(dir.resolve("file-ratios.png"), results, source);
        rankHistogram(dir.resolve("ranks.png"), results, source);
        ratioVsSpeed(dir.resolve("ratio-vs-speed.png"), results, source);
    }

    private static void ratioBars(Path png, List<CodecResult> results, String source) throws IOException {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (CodecResult r : results) {
            d.addValue(r.ratio(), "ratio (model bytes counted)", r.codec());
        }
        JFreeChart c = ChartFactory.createBarChart("Compression ratio per codec, " + source, null,
                "input bytes / (output + model bytes)", d, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot p = c.getCategoryPlot();
        BarRenderer br = (BarRenderer) p.getRenderer();
        br.setSeriesPaint(0, new Color(70, 110, 190));
        br.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.000")));
        br.setDefaultItemLabelsVisible(true);
        style(c, p);
        ChartUtils.saveChartAsPNG(png.toFile(), c, 1000, 560);
    }

    private static void fileRatios(Path png, List<CodecResult> results, String source) throws IOException {
        DefaultBoxAndWhiskerCategoryDataset d = new DefaultBoxAndWhiskerCategoryDataset();
        for (CodecResult r : results) {
            d.add(r.fileRatios(), "per-file ratio", r.codec());
        }
        JFreeChart c = ChartFactory.createBoxAndWhiskerChart("Per-file ratio (model not counted), " + source, null,
                "ratio of one file", d, false);
        CategoryPlot p = c.getCategoryPlot();
        BoxAndWhiskerRenderer br = (BoxAndWhiskerRenderer) p.getRenderer();
        br.setMeanVisible(false);
        br.setSeriesPaint(0, new Color(120, 160, 220));
        style(c, p);
        ChartUtils.saveChartAsPNG(png.toFile(), c, 1000, 560);
    }

    private static void rankHistogram(Path png, List<CodecResult> results, String source) throws IOException {
        XYSeriesCollection d = new XYSeriesCollection();
        for (CodecResult r : results) {
            if (!r.hasRanks()) {
                continue;
            }
            XYSeries s = new XYSeries(r.codec());
            double[] dist = r.rankDistribution();
            for (int k = 0; k < dist.length - 1 && k < 160; k++) {
                if (dist[k] > 0) {
                    s.add(k, dist[k]);
                }
            }
            d.addSeries(s);
        }
        LogAxis y = new LogAxis("share of samples");
        y.setSmallestValue(1e-6);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.######"));
        NumberAxis x = new NumberAxis("rank of the true sample (0 = predicted first; tiers: 0 | 1-16 | 17-144 | raw)");
        XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < d.getSeriesCount(); i++) {
            rr.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot p = new XYPlot(d, x, y, rr);
        JFreeChart c = new JFreeChart("Rank histogram of the rank coders, " + source, JFreeChart.DEFAULT_TITLE_FONT,
                p, true);
        saveXy(c, p, png);
    }

    private static void ratioVsSpeed(Path png, List<CodecResult> results, String source) throws IOException {
        XYSeriesCollection d = new XYSeriesCollection();
        for (CodecResult r : results) {
            XYSeries s = new XYSeries(r.codec());
            s.add(r.decodeSamplesPerSecond(), r.ratio());
            d.addSeries(s);
        }
        LogAxis x = new LogAxis("decode speed, samples per second on one core (log)");
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        NumberAxis y = new NumberAxis("ratio (model bytes counted)");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer(false, true);
        rr.setDefaultItemLabelGenerator((ds, series, item) -> ds.getSeriesKey(series).toString());
        rr.setDefaultItemLabelsVisible(true);
        rr.setDefaultItemLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        XYPlot p = new XYPlot(d, x, y, rr);
        JFreeChart c = new JFreeChart("Ratio against decode speed, " + source, JFreeChart.DEFAULT_TITLE_FONT, p,
                false);
        saveXy(c, p, png);
    }

    /** Writes an XY chart in the house style: white, light grid lines, 1000 x 560. */
    public static void saveXy(JFreeChart c, XYPlot p, Path png) throws IOException {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        c.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), c, 1000, 560);
    }

    private static void style(JFreeChart c, CategoryPlot p) {
        c.setBackgroundPaint(Color.WHITE);
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        p.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        c.getTitle().setFont(new Font("SansSerif", Font.BOLD, 15));
    }
}
