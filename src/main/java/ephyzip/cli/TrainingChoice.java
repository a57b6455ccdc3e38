package ephyzip.cli;

import ephyzip.Codec;
import ephyzip.compare.CodecResult;
import ephyzip.compare.Comparison;
import ephyzip.compare.Contender;
import ephyzip.compare.EphyzipContender;
import ephyzip.format.Inputs;
import ephyzip.format.RecordingReader;
import ephyzip.io.BadInputException;
import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code train} without {@code --kind} does: looks at how the shipped default codes the
 * recordings. Where they fit the grid, the network is what a lab's own recordings can teach, so
 * it trains one. Where they take the residual path (wideband amplifiers, other ADCs), no model
 * takes part in their streams, and what a model trained on part of a recording could add was
 * measured at 0.05-0.11% (docs/results.md): then it writes nothing and reports the held-out
 * figures instead (the shipped default against sac on every fourth recording).
 */
final class TrainingChoice {
    /** Recordings surveyed to decide: spread over the list. */
    static final int SURVEYED = 8;

    private TrainingChoice() {
    }

    /** Whether most of {@code files} (a sample of them) take the grid path with {@code model}. */
    static boolean fitTheGrid(List<Path> files, ModelFile model) throws BadInputException, IOException {
        Codec codec = new Codec(model);
        int step = Math.max(1, files.size() / SURVEYED);
        int grid = 0;
        int seen = 0;
        for (int i = 0; i < files.size() && seen < SURVEYED; i += step, seen++) {
            try (RecordingReader r = Inputs.open(files.get(i), null)) {
                CoderKind k = codec.plan(ephyzip.Survey.of(r), CoderKind.ARITH).coder();
                grid += k.grid() ? 1 : 0;
            }
        }
        return 2 * grid > seen;
    }

    /** The report for recordings that take the residual path: held-out payload ratios, default and sac. */
    static void reportResidual(List<Path> files, ModelFile model, PrintWriter o, PrintWriter err) throws Exception {
        List<Path> held = new ArrayList<>();
        for (int i = 3; i < files.size(); i += 4) {
            held.add(files.get(i));
        }
        if (held.isEmpty()) {
            held.add(files.get(files.size() - 1));
        }
        o.println("These recordings take the residual path, which reads no model: a model trained on them would");
        o.println("not change their streams (a trained model of the residual adds 0.05-0.11%: docs/results.md).");
        o.println("No model written. Held out, every fourth recording (" + held.size() + " files), payload ratio:");
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new EphyzipContender("ephyzip default", model, CoderKind.ARITH, null));
        Contender sac = ephyzip.compare.Baselines.sac(CompareCommand.sharedSac());
        if (sac != null) {
            contenders.add(sac);
        }
        List<CodecResult> results;
        try (Progress p = new Progress(err, "measuring", held.size())) {
            results = Comparison.run(held, contenders, Runtime.getRuntime().availableProcessors(), p::step);
        }
        for (CodecResult r : results) {
            o.printf(Locale.ROOT, "  %-16s %.4f%n", r.codec(), r.payloadRatio());
        }
        if (sac == null) {
            o.println("  (sac not found at ../shared/tools/sac/sac: compare --sac PATH measures it)");
        }
    }
}
