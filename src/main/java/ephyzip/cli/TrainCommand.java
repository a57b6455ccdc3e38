package ephyzip.cli;

import ephyzip.format.Recordings;
import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import ephyzip.train.BigramTrainer;
import ephyzip.train.CnnTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Learn a model from recordings: a bigram table, or the network (with its bigram fallback).")
final class TrainCommand implements Callable<Integer> {
    enum Kind { auto, bigram, cnn }

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "auto", description = "Model kind: "
            + "${COMPLETION-CANDIDATES} (default: auto: the network for recordings on the grid; for recordings that"
            + " take the residual path, which reads no model, no model but held-out figures).")
    Kind kind;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "DIR",
            description = "Training recordings: directories of WAV files, WAV files, or .txt lists of them.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write.")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing model file.")
    boolean force;

    @Option(names = "--validation", arity = "1..*", paramLabel = "DIR_OR_LIST",
            description = "cnn: recordings to measure each epoch on, for early stopping and tuning "
                    + "(default: every fourth training recording, held out).")
    List<Path> validation;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "cnn: most epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "200",
            description = "cnn: batches per epoch (default: ${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "16", description = "cnn: windows per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--window", paramLabel = "N", defaultValue = "1024", description = "cnn: window length (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--learning-rate", paramLabel = "X", defaultValue = "0.002", description = "cnn: Adam step (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "3",
            description = "cnn: stop after this many epochs without a held-out gain (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--net-channels", paramLabel = "N", defaultValue = "8",
            description = "cnn: channels of every convolution (default: ${DEFAULT-VALUE}, as models/default.ezm;"
                    + " models/large.ezm has 16).")
    int netChannels;

    @Option(names = "--layers", paramLabel = "N", defaultValue = "8",
            description = "cnn: convolutions, dilations 1, 2, 4, ... (receptive field 2^N; default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--activity", paramLabel = "N", defaultValue = "0",
            description = "cnn: activity features (mean |step| over 16, 256, 4096 samples), 0..3 (default: ${DEFAULT-VALUE}).")
    int activity;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "16",
            description = "cnn: size of the 1x1 hidden layer (default: ${DEFAULT-VALUE}, as models/default.ezm;"
                    + " models/large.ezm has 32).")
    int hidden;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "cnn: random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--init", paramLabel = "MODEL", description = "cnn: fine-tune this model (e.g. a patient model on one channel).")
    Path init;

    @Option(names = "--refit-layers", paramLabel = "N", defaultValue = "3",
            description = "cnn: after training, refit the top N layers for the mix with the bigram table the codec "
                    + "codes with (0: none; default: ${DEFAULT-VALUE}).")
    int refitLayers;

    @Option(names = "--refit-only", description = "cnn: no epochs: take --init's network, refit it with tables of --data.")
    boolean refitOnly;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "cnn: checkpoint directory (default: MODEL.ckpt).")
    Path checkpoints;

    @Option(names = "--resume", description = "cnn: continue from the checkpoint directory.")
    boolean resume;

    @Option(names = "--report", paramLabel = "PREFIX",
            description = "cnn: write PREFIX.json and PREFIX.png (default: beside MODEL).")
    Path report;

    @Override
    public Integer call() throws Exception {
        Outputs.checkWritable(out, force);
        List<Path> files = Recordings.list(data);
        if (files.isEmpty()) {
            throw new UsageException("no recordings in " + data);
        }
        String name = data.size() == 1 ? data.get(0).getFileName().toString() : data.size() + " sources";
        PrintWriter err = spec.commandLine().getErr();
        if (kind == Kind.auto) {
            ModelFile shipped = ModelOption.load(ModelOption.defaultModel());
            if (!TrainingChoice.fitTheGrid(files, shipped)) {
                TrainingChoice.reportResidual(files, shipped, spec.commandLine().getOut(), err);
                return ExitCodes.OK;
            }
            err.println("ephyzip: the recordings fit the grid: training the network (--kind cnn)");
            kind = Kind.cnn;
        }
        Model model;
        CnnTrainer.Result trained = null;
        if (kind == Kind.bigram) {
            try (Progress p = new Progress(err, "reading", files.size())) {
                model = BigramTrainer.train(files, name, p::step);
            }
        } else {
            trained = CnnTraining.run(this, files, name, err);
            model = trained.model();
        }
        ModelFile file = ModelFile.of(model);
        ephyzip.io.DurableFile.write(out, file.bytes());
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s: %s model, %d bytes, fingerprint %s%n", out, model.kind(), file.byteCount(),
                file.fingerprint());
        model.card().forEach((k, v) -> o.printf("  %s: %s%n", k, v));
        if (trained != null) {
            CnnTraining.writeReport(this, file, trained);
        }
        return ExitCodes.OK;
    }
}
