package ephyzip.cli;

import ephyzip.format.Recordings;
import ephyzip.model.Activity;
import ephyzip.model.ModelFile;
import ephyzip.train.CnnConfig;
import ephyzip.train.CnnTrainer;
import ephyzip.train.EpochResult;
import ephyzip.train.TrainingListener;
import ephyzip.train.TrainingReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The cnn branch of {@code train}: runs the trainer with a progress line and writes the report. */
final class CnnTraining {
    private CnnTraining() {
    }

    static CnnTrainer.Result run(TrainCommand c, List<Path> files, String name, PrintWriter err) throws Exception {
        if (c.epochs < 1 || c.batches < 1 || c.batchSize < 1 || c.window < 80) {
            throw new UsageException("--epochs, --batches and --batch-size must be positive, --window at least 80");
        }
        if (c.activity < 0 || c.activity > Activity.MAX) {
            throw new UsageException("--activity 0.." + Activity.MAX);
        }
        if (c.netChannels < 1 || c.netChannels > 64 || c.hidden < 1 || c.hidden > 256 || c.layers < 1 || c.layers > 12) {
            throw new UsageException("--net-channels 1..64, --hidden 1..256, --layers 1..12");
        }
        int[] dilations = new int[c.layers];
        for (int i = 0; i < dilations.length; i++) {
            dilations[i] = 1 << i;
        }
        CnnConfig config = new CnnConfig(c.netChannels, dilations, c.hidden, CnnConfig.standard().band(), c.activity);
        List<Path> held = c.validation == null ? List.of() : Recordings.list(c.validation);
        ModelFile init = c.init == null ? null : ModelOption.load(c.init);
        if (init != null && init.model().cnn() == null) {
            throw new UsageException(c.init + " is a " + init.model().kind() + " model; --init needs a cnn model");
        }
        if (c.refitLayers < 0 || c.refitLayers > 12) {
            throw new UsageException("--refit-layers 0..12");
        }
        if (c.refitOnly && (init == null || c.refitLayers == 0)) {
            throw new UsageException("--refit-only needs --init MODEL and --refit-layers of at least 1");
        }
        Path ckpt = c.checkpoints != null ? c.checkpoints : Path.of(c.out + ".ckpt");
        CnnTrainer.Options o = new CnnTrainer.Options(files, held, name, c.epochs, c.seed, init, ckpt, c.resume,
                c.batches, c.batchSize, c.window, c.learningRate, c.patience, config, c.refitLayers, c.refitOnly);
        boolean tty = System.console() != null;
        long start = System.nanoTime();
        TrainingListener listener = new TrainingListener() {
            private long lastDraw;

            @Override
            public void batch(int epoch, int done, int total, double lossBits) {
                long now = System.nanoTime();
                if (tty && (now - lastDraw > 200_000_000L || done == total)) {
                    lastDraw = now;
                    double elapsed = (now - start) / 1e9;
                    double fraction = ((epoch - 1) + done / (double) total) / c.epochs;
                    int w = 24;
                    int f = (int) (w * done / (double) total);
                    err.printf(Locale.ROOT, "\repoch %d/%d [%s%s] loss %.4f bits  elapsed %.0fs  ETA (all epochs) %.0fs ",
                            epoch, c.epochs, "#".repeat(f), " ".repeat(w - f), lossBits, elapsed,
                            elapsed / Math.max(1e-9, fraction) * (1 - fraction));
                    err.flush();
                }
            }

            @Override
            public void epoch(EpochResult r, boolean best) {
                err.printf(Locale.ROOT, "%sepoch %d: train loss %.4f, held-out %.4f bits/sample, top-1 %.3f, "
                                + "top-16 %.3f, top-128 %.4f, %.0fs%s%n", tty ? "\r" : "", r.epoch(), r.trainLoss(),
                        r.heldOutBits(), r.top1(), r.top16(), r.top128(), r.seconds(), best ? "  (best)" : "");
                err.flush();
            }

            @Override
            public void message(String text) {
                err.println(text);
                err.flush();
            }
        };
        return new CnnTrainer(o, listener).run();
    }

    static void writeReport(TrainCommand c, ModelFile file, CnnTrainer.Result last) throws Exception {
        if (last.history().isEmpty()) { // --refit-only: no epochs to plot; the card tells the refit
            return;
        }
        String prefix = c.report != null ? c.report.toString() : c.out.toString().replaceAll("\\.ezm$", "") + ".report";
        TrainingReport.write(Path.of(prefix + ".json"), Path.of(prefix + ".png"), file, last.history(), last.bestEpoch());
        c.spec.commandLine().getOut().printf("report: %s.json, %s.png%n", prefix, prefix);
    }
}
