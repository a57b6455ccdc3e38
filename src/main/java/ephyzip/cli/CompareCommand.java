package ephyzip.cli;

import ephyzip.coding.CoderKind;
import ephyzip.compare.Baselines;
import ephyzip.compare.CodecResult;
import ephyzip.compare.Comparison;
import ephyzip.compare.Contender;
import ephyzip.compare.EphyzipContender;
import ephyzip.model.ModelFile;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compress every recording of DIR on its own with every ephyzip coder and with "
                + "deflate, bzip2 and xz; verify each round trip and print the totals.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model to compare; repeat to compare several side by side (default: the shipped "
                    + ModelOption.DEFAULT_MODEL + " and " + ModelOption.BIGRAM_MODEL + ").")
    List<Path> models;

    @Parameters(paramLabel = "DIR", description = "Directory of WAV files, or a .txt list of them.")
    Path dir;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as a JSON array.")
    Path json;

    @Option(names = "--threads", paramLabel = "N", description = "Files compared at once (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        List<Path> files = Comparison.recordings(dir);
        if (files.isEmpty()) {
            throw new UsageException(dir + ": no WAV files");
        }
        List<Path> paths = models != null ? models
                : List.of(ModelOption.defaultModel(), ModelOption.shipped(ModelOption.BIGRAM_MODEL));
        List<Contender> contenders = new ArrayList<>();
        List<String> modelLines = new ArrayList<>();
        for (Path p : paths) {
            ModelFile m = ModelOption.load(p);
            String name = p.getFileName().toString().replaceAll("\\.ezm$", "");
            for (CoderKind k : new CoderKind[] {CoderKind.ARITH, CoderKind.RANK}) {
                contenders.add(new EphyzipContender(name, m, k));
            }
            modelLines.add(String.format("model %s: %s, %s, %d bytes (counted once)", name, m.fingerprint(),
                    m.model().kind(), m.byteCount()));
        }
        contenders.addAll(Baselines.all());
        List<CodecResult> results;
        try (Progress p = new Progress(spec.commandLine().getErr(), "compare", files.size())) {
            results = Comparison.run(files, contenders, threads, p::step);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%d files from %s%n", files.size(), dir);
        modelLines.forEach(o::println);
        o.printf("%-22s %6s %12s %12s %10s %7s %8s %s%n", "codec", "files", "input", "payload", "model", "ratio",
                "bits/smp", "round trip");
        for (CodecResult r : results) {
            o.printf("%-22s %6d %12d %12d %10d %7.3f %8.3f %s%n", r.codec(), r.files(), r.inputBytes(),
                    r.payloadBytes(), r.modelBytes(), r.ratio(), r.bitsPerSample(), r.roundTripOk() ? "ok" : "FAILED");
        }
        if (json != null) {
            StringBuilder sb = new StringBuilder("[\n");
            for (int i = 0; i < results.size(); i++) {
                sb.append("  ").append(results.get(i).toJson()).append(i + 1 < results.size() ? ",\n" : "\n");
            }
            sb.append("]\n");
            Files2.writeAtomically(json, sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return results.stream().allMatch(CodecResult::roundTripOk) ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
