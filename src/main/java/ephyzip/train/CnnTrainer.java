package ephyzip.train;

import ephyzip.coding.TierCode;
import ephyzip.format.Recordings;
import ephyzip.io.BadInputException;
import ephyzip.model.Alphabet;
import ephyzip.model.CnnWeights;
import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import ephyzip.model.ModelKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Trains the network with DL4J: random windows with a loss at every step, an epoch being a fixed
 * number of batches; after each epoch the network is exported to integers and measured on
 * held-out recordings exactly as the coder will run it. Keeps the best epoch, stops early,
 * checkpoints every epoch (resumable), and finally tunes the rank coder's fallback threshold and
 * tier code on the held-out recordings.
 */
public final class CnnTrainer {
    /** Everything a training run is told. */
    public record Options(List<Path> train, List<Path> heldOut, String dataName, int epochs, long seed,
                          ModelFile init, Path checkpointDir, boolean resume, int batchesPerEpoch, int batchSize,
                          int windowLength, double learningRate, int patience, CnnConfig config,
                          int refitLayers, boolean refitOnly) {
        /** Without the refit ({@link OutputRefit}): as before it existed. */
        public Options(List<Path> train, List<Path> heldOut, String dataName, int epochs, long seed,
                       ModelFile init, Path checkpointDir, boolean resume, int batchesPerEpoch, int batchSize,
                       int windowLength, double learningRate, int patience, CnnConfig config) {
            this(train, heldOut, dataName, epochs, seed, init, checkpointDir, resume, batchesPerEpoch, batchSize,
                    windowLength, learningRate, patience, config, 0, false);
        }
    }

    /** Refit: every REFIT_STRIDE-th sample of the fit recordings, REFIT_EPOCHS epochs of Adam at REFIT_RATE. */
    static final int REFIT_STRIDE = 8;
    static final int REFIT_EPOCHS = 3;
    static final double REFIT_RATE = 0.002; // held-out: stride 4 x 6 epochs 4.5152, rate 0.005 4.5148, this 4.5144

    static final int EPOCH_FILES = 40;

    private final Options o;
    private final TrainingListener listener;

    public CnnTrainer(Options options, TrainingListener listener) {
        this.o = options;
        this.listener = listener;
    }

    /** The trained model and the per-epoch history. */
    public record Result(Model model, List<EpochResult> history, int bestEpoch) {
    }

    public Result run() throws BadInputException, IOException {
        List<Path> fitFiles = o.train();
        List<Path> heldOutFiles = o.heldOut();
        if (heldOutFiles.isEmpty()) {
            HeldOut<Path> split = HeldOut.split(o.train());
            fitFiles = split.fit();
            heldOutFiles = split.heldOut();
        }
        listener.message("training on " + fitFiles.size() + " recordings, measuring on " + heldOutFiles.size());
        // Held-out figures and tuning use a bigram fitted without the held-out recordings, so they
        // stay honest; the shipped model gets the bigram of all training recordings.
        // the table a network is mixed with keeps fewer counts than one that predicts alone
        BigramTrainer.Sparsity sparsity = BigramTrainer.Sparsity.BESIDE_NETWORK;
        if (o.refitOnly() && (o.init() == null || o.init().model().cnn() == null || o.refitLayers() < 1)) {
            throw new IllegalArgumentException("a refit alone needs a network to start from and layers to refit");
        }
        Model base = o.init() != null && !o.refitOnly() ? o.init().model()
                : BigramTrainer.train(o.train(), o.dataName(), n -> { },
                        o.init() == null ? null : o.init().model().alphabet(), sparsity);
        Model tuning = o.init() != null && !o.refitOnly() || o.heldOut().size() > 0 ? base
                : BigramTrainer.train(fitFiles, o.dataName(), n -> { }, base.alphabet(), sparsity);
        Alphabet alphabet = base.alphabet();
        int start = alphabet.nearest(0);
        List<int[]> fit = tokens(fitFiles, alphabet);
        List<int[]> held = tokens(heldOutFiles, alphabet);
        // Each epoch is measured on up to 40 held-out recordings (time); the final tuning uses all.
        List<int[]> perEpoch = held.size() <= EPOCH_FILES ? held : held.subList(0, EPOCH_FILES);

        if (o.refitOnly()) {
            listener.message("refitting the network of model " + o.init().fingerprint());
        }
        // a refit alone needs no DL4J network and no training windows
        Epochs trained = o.refitOnly() ? new Epochs(o.init().model().cnn(), List.of(), 0)
                : epochs(base, tuning, fit, perEpoch, start);
        CnnWeights best = trained.best();
        List<EpochResult> history = trained.history();
        int bestEpoch = trained.bestEpoch();
        if (best == null) {
            throw new IllegalStateException("no epoch was trained");
        }
        double targets = (double) o.batchesPerEpoch() * o.batchSize() * (double) o.windowLength() * history.size();
        String refit = "none";
        if (o.refitLayers() > 0) {
            int depth = Math.min(o.refitLayers(), refittable(best));
            OutputRefit.Refitted r = OutputRefit.refit(base.withCnn(best), fit, REFIT_STRIDE, depth, REFIT_EPOCHS,
                    REFIT_RATE, o.seed(), listener::message);
            best = r.model().cnn();
            refit = String.format(java.util.Locale.ROOT, "top %d layers for the format-4 mix, %d samples, loss %.5f bits"
                    + " -> %.5f bits on every %dth sample of the fit recordings", depth, r.samples(), r.lossBefore(),
                    r.lossAfter(), REFIT_STRIDE);
        }
        return new Result(finish(base, tuning, best, held, start, history, bestEpoch, targets, fitFiles.size(),
                heldOutFiles.size(), refit), history, bestEpoch);
    }

    /** The network DL4J trained: the best epoch's, the history (resumed ones included), the best epoch's number. */
    private record Epochs(CnnWeights best, List<EpochResult> history, int bestEpoch) {
    }

    /** DL4J's epochs, from --init's network or a fresh one, measured and checkpointed after each. */
    private Epochs epochs(Model base, Model tuning, List<int[]> fit, List<int[]> perEpoch, int start)
            throws BadInputException, IOException {
        Alphabet alphabet = base.alphabet();
        CnnConfig config = o.init() != null && o.init().model().cnn() != null
                ? Dl4jNetwork.configOf(o.init().model().cnn()) : o.config();
        MultiLayerNetwork net = Dl4jNetwork.build(config, o.seed(), o.learningRate(), o.windowLength());
        if (o.init() != null && o.init().model().cnn() != null) {
            Dl4jNetwork.load(net, o.init().model().cnn());
            listener.message("fine-tuning from model " + o.init().fingerprint());
        }
        CnnWeights shape = Dl4jNetwork.export(net, config);
        Windows windows = new Windows(fit, alphabet.size(), shape, o.windowLength());

        List<EpochResult> history = new ArrayList<>();
        Checkpoint ckpt = o.checkpointDir() == null ? null : new Checkpoint(o.checkpointDir());
        if (o.resume() && ckpt != null && ckpt.exists()) {
            net = ckpt.loadLast();
            history.addAll(ckpt.history());
            listener.message("resumed after epoch " + history.size());
        }
        CnnWeights best = bestSoFar(ckpt, history);
        int bestEpoch = bestEpoch(history);
        for (int epoch = history.size() + 1; epoch <= o.epochs(); epoch++) {
            if (bestEpoch > 0 && epoch - bestEpoch > o.patience()) {
                listener.message("stopping early: no gain on held-out data for " + o.patience() + " epochs");
                break;
            }
            long t0 = System.nanoTime();
            Random r = new Random(o.seed() * 1_000_003L + epoch);
            double lossSum = 0;
            for (int b = 0; b < o.batchesPerEpoch(); b++) {
                net.fit(windows.batch(r, o.batchSize()));
                lossSum += net.score() / o.windowLength() / Math.log(2);
                listener.batch(epoch, b + 1, o.batchesPerEpoch(), lossSum / (b + 1));
            }
            CnnWeights w = Dl4jNetwork.export(net, config);
            Evaluation e = Evaluation.run(w, tuning.bigram(), start, perEpoch, false);
            EpochResult er = new EpochResult(epoch, lossSum / o.batchesPerEpoch(), e.bitsPerSample(),
                    e.rate(e.top1), e.rate(e.top16), e.rate(e.top128), (System.nanoTime() - t0) / 1e9);
            history.add(er);
            boolean improved = bestEpoch == 0 || er.heldOutBits() < history.get(bestEpoch - 1).heldOutBits();
            if (improved) {
                best = w;
                bestEpoch = epoch;
            }
            if (ckpt != null) {
                ckpt.save(net, history, improved ? w : null, base);
            }
            listener.epoch(er, improved);
        }
        return new Epochs(best, history, bestEpoch);
    }

    /** How many top layers {@link OutputRefit} can refit: the 1x1 ones and the dilated one below them. */
    private static int refittable(CnnWeights w) {
        int n = w.layers().size();
        int k = 1;
        while (k < n && w.layers().get(n - k).taps() == 1) {
            k++;
        }
        return k;
    }

    private Model finish(Model base, Model tuning, CnnWeights best, List<int[]> held, int start,
                         List<EpochResult> history, int bestEpoch, double targets, int fitCount, int heldCount,
                         String refit) {
        Evaluation e = Evaluation.run(best, tuning.bigram(), start, held, true);
        int bestK = 0;
        for (int k = 1; k < Evaluation.THRESHOLDS.length; k++) {
            if (e.rankBits(k) < e.rankBits(bestK)) {
                bestK = k;
            }
        }
        int threshold = Evaluation.THRESHOLDS[bestK];
        Map<String, String> card = new LinkedHashMap<>();
        card.put("kind", ModelKind.CNN.label);
        card.put("trained", java.time.LocalDate.now().toString());
        card.put("data", o.dataName());
        card.put("files.fit", Integer.toString(fitCount));
        card.put("files.heldout", Integer.toString(heldCount));
        card.put("init", o.init() == null ? "none" : o.init().fingerprint());
        card.put("network", describe(best));
        card.put("parameters", Integer.toString(best.parameterCount()));
        card.put("epochs", o.refitOnly() ? o.init().model().card().getOrDefault("epochs", "?") + " (in init)"
                : history.size() + " (best " + bestEpoch + ")");
        card.put("refit", refit);
        card.put("seed", Long.toString(o.seed()));
        card.put("targets.seen", o.refitOnly() ? o.init().model().card().getOrDefault("targets.seen", "?")
                : String.format(Locale.ROOT, "%.0f", targets));
        card.put("heldout.bitsPerSample", String.format(Locale.ROOT, "%.4f", e.bitsPerSample()));
        card.put("heldout.top1/16/128", String.format(Locale.ROOT, "%.4f/%.4f/%.4f", e.rate(e.top1),
                e.rate(e.top16), e.rate(e.top128)));
        card.put("rank.threshold", String.format(Locale.ROOT, "%.4f", threshold / 65536.0));
        card.put("heldout.rankBitsPerSample", String.format(Locale.ROOT, "%.4f", e.rankBits(bestK)));
        card.put("heldout.rankBitsNoFallback", String.format(Locale.ROOT, "%.4f", e.rankBits(0)));
        card.put("bigram.alpha", base.card().getOrDefault("alpha", base.card().getOrDefault("bigram.alpha", "?")));
        card.put("bigram.sparsity", base.card().getOrDefault("sparsity", base.card().getOrDefault("bigram.sparsity", "?")));
        return new Model(base.alphabet(), base.bigram(), TierCode.fit(e.tiers[bestK]), card, best, threshold);
    }

    static String describe(CnnWeights w) {
        StringBuilder sb = new StringBuilder("causal conv k2 dilations");
        for (var l : w.layers()) {
            if (l.taps() == 2) {
                sb.append(' ').append(l.dilation());
            }
        }
        var first = w.layers().get(0);
        var hidden = w.layers().get(w.layers().size() - 2);
        sb.append(", ").append(first.out()).append(" channels, hidden ").append(hidden.out())
                .append(", softmax over steps +-").append(w.band()).append(" + other");
        return sb.toString();
    }

    private static List<int[]> tokens(List<Path> files, Alphabet alphabet) throws BadInputException {
        List<int[]> out = new ArrayList<>();
        for (Path f : files) {
            for (short[] s : Recordings.channels(f)) { // each channel on its own
                int[] t = new int[s.length];
                for (int i = 0; i < s.length; i++) {
                    t[i] = alphabet.nearest(s[i]);
                }
                out.add(t);
            }
        }
        return out;
    }

    private static int bestEpoch(List<EpochResult> h) {
        int best = 0;
        for (int i = 0; i < h.size(); i++) {
            if (best == 0 || h.get(i).heldOutBits() < h.get(best - 1).heldOutBits()) {
                best = i + 1;
            }
        }
        return best;
    }

    private static CnnWeights bestSoFar(Checkpoint ckpt, List<EpochResult> history) throws BadInputException {
        return ckpt != null && !history.isEmpty() ? ckpt.best() : null;
    }

    /** The checkpoint directory: the last network (with its updater), the best weights, the history. */
    static final class Checkpoint {
        private final Path dir;

        Checkpoint(Path dir) {
            this.dir = dir;
        }

        boolean exists() {
            return Files.exists(dir.resolve("last.zip")) && Files.exists(dir.resolve("history.jsonl"));
        }

        void save(MultiLayerNetwork net, List<EpochResult> history, CnnWeights best, Model base) throws IOException {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("last.zip.tmp");
            ModelSerializer.writeModel(net, tmp.toFile(), true);
            Files.move(tmp, dir.resolve("last.zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (best != null) {
                Files.write(dir.resolve("best.ezm"), ModelFile.of(base.with(base.tierCode(),
                        Map.of("checkpoint", "best"), 0).withCnn(best)).bytes());
            }
            StringBuilder sb = new StringBuilder();
            for (EpochResult r : history) {
                sb.append(r.toJson()).append('\n');
            }
            Files.writeString(dir.resolve("history.jsonl"), sb.toString(), StandardCharsets.UTF_8);
        }

        MultiLayerNetwork loadLast() throws IOException {
            return ModelSerializer.restoreMultiLayerNetwork(dir.resolve("last.zip").toFile(), true);
        }

        List<EpochResult> history() throws IOException {
            List<EpochResult> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("history.jsonl"))) {
                if (!line.isBlank()) {
                    out.add(EpochResult.parse(line));
                }
            }
            return out;
        }

        CnnWeights best() throws BadInputException {
            try {
                return ModelFile.parse("best.ezm", Files.readAllBytes(dir.resolve("best.ezm"))).model().cnn();
            } catch (IOException e) {
                throw new BadInputException(dir + ": cannot read checkpoint (" + e.getMessage() + ")");
            }
        }
    }
}
