package ephyzip.cli;

import ephyzip.model.BigramTrainer;
import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import ephyzip.wav.Recordings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Learn a model from a directory of recordings.")
final class TrainCommand implements Callable<Integer> {
    enum Kind { bigram }

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "Model kind: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "DIR",
            description = "Training recordings: directories of WAV files, WAV files, or .txt lists of them.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write.")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing model file.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Outputs.checkWritable(out, force);
        List<Path> files = Recordings.list(data);
        String name = data.size() == 1 ? data.get(0).getFileName().toString() : data.size() + " sources";
        Model model;
        try (Progress p = new Progress(spec.commandLine().getErr(), "reading", files.size())) {
            model = BigramTrainer.train(files, name, p::step);
        }
        ModelFile file = ModelFile.of(model);
        Files2.writeAtomically(out, file.bytes());
        var o = spec.commandLine().getOut();
        o.printf("wrote %s: %s model, %d bytes, fingerprint %s%n", out, model.kind(), file.byteCount(),
                file.fingerprint());
        model.card().forEach((k, v) -> o.printf("  %s: %s%n", k, v));
        return ExitCodes.OK;
    }
}
