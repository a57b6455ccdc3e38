package ephyzip.cli;

import ephyzip.Codec;
import ephyzip.coding.RankTier;
import ephyzip.compare.Baselines;
import ephyzip.compare.CodecResult;
import ephyzip.compare.Comparison;
import ephyzip.compare.ComparisonPlots;
import ephyzip.compare.Contender;
import ephyzip.compare.EphyzipContender;
import ephyzip.compare.SourceTable;
import ephyzip.format.Inputs;
import ephyzip.format.Recordings;
import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compress every recording of DIR on its own with every ephyzip coder of each model and "
                + "with deflate, bzip2, xz (and FLAC, WavPack when installed); verify each round trip and report.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model to compare; repeat to compare several side by side (default: the shipped "
                    + ModelOption.DEFAULT_MODEL + " and " + ModelOption.BIGRAM_MODEL + ").")
    List<Path> models;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Directory of WAV files, or a .txt list of them;"
            + " with several, each is compared on its own (a source) and a table of payload ratios per source"
            + " follows.")
    List<Path> dirs;

    /** The source being compared. */
    private Path dir;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as a JSON array.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the results as CSV.")
    Path csv;

    @Option(names = "--plots", paramLabel = "DIR", description = "Also write PNG plots into DIR.")
    Path plots;

    @Option(names = "--threads", paramLabel = "N", description = "Files compared at once (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-tools", description = "Skip FLAC, WavPack and sac even when they are installed.")
    boolean noTools;

    @Option(names = "--sac", paramLabel = "PATH", description = "The sac executable to compare with (default: "
            + "../shared/tools/sac/sac beside the working directory or ephyzip's folder, when present).")
    Path sac;

    @Option(names = "--channels", paramLabel = "N", description = "Flat files' channels (with --rate); other"
            + " kinds are told from their files and sidecars. Every recording that is not a WAV file is compared as"
            + " the WAV file of its samples.")
    Integer channels;

    @Option(names = "--rate", paramLabel = "HZ", description = "Flat files' sample rate (with --channels).")
    Double rate;

    @Option(names = "--no-ephyzip-variants", description = "Only each model's default coder (skip rank and the "
            + "network-less rows).")
    boolean defaultOnly;

    /** The sac to run: the one asked for, else the shared tools' copy where there is one. */
    private Path sacPath() {
        return sac != null ? sac : sharedSac();
    }

    /** {@code ../shared/tools/sac/sac} beside the working directory or ephyzip's folder, or null. */
    static Path sharedSac() {
        String home = System.getProperty("ephyzip.home", ".");
        for (Path p : List.of(Path.of("../shared/tools/sac/sac"), Path.of(home, "../shared/tools/sac/sac"))) {
            if (java.nio.file.Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public Integer call() throws Exception {
        if ((channels == null) != (rate == null)) {
            throw new UsageException("--channels and --rate go together");
        }
        if (channels != null && (channels < 1 || channels > Inputs.MAX_CHANNELS || !(rate > 0 && rate < 1e9))) {
            throw new UsageException("--channels must be 1 to " + Inputs.MAX_CHANNELS + " and --rate above 0");
        }
        if (dirs.size() == 1) {
            dir = dirs.get(0);
            return compare(null);
        }
        if (json != null || csv != null || plots != null) {
            throw new UsageException("--json, --csv and --plots take one DIR");
        }
        java.util.Map<Path, List<CodecResult>> bySource = new java.util.LinkedHashMap<>();
        int rc = ExitCodes.OK;
        for (Path d : dirs) {
            dir = d;
            List<CodecResult> results = new ArrayList<>();
            rc = Math.max(rc, compare(results));
            bySource.put(d, results);
            spec.commandLine().getOut().println();
        }
        // in the compare package: this class's signatures must not name its types (picocli reads them
        // all, also on the lean class path of encode and decode)
        SourceTable.print(spec.commandLine().getOut(), bySource);
        return rc;
    }

    /**
     * Compares the recordings of {@link #dir} (and writes --json, --csv, --plots, which come only
     * with one source); {@code collect}, when given, receives the results.
     */
    private int compare(List<CodecResult> collect) throws Exception {
        List<Path> files = Recordings.list(List.of(dir));
        if (files.isEmpty()) {
            throw new UsageException(dir + ": no WAV files");
        }
        List<Path> paths = models != null ? models
                : List.of(ModelOption.defaultModel(), ModelOption.shipped(ModelOption.BIGRAM_MODEL),
                        ModelOption.shipped(ModelOption.LARGE_MODEL));
        List<Contender> contenders = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Path p : paths) {
            ModelFile m = ModelOption.load(p);
            String name = p.getFileName().toString().replaceAll("\\.ezm$", "");
            if (models == null && p.equals(paths.get(1))) { // the shipped bigram model: what levels 1 to 3 do
                for (int level = 1; level <= 3; level++) {
                    contenders.add(EphyzipContender.fastLevel(level, m));
                }
            } else {
                contenders.add(new EphyzipContender(name + "/arith", m, CoderKind.ARITH, null));
                if (models == null && p.equals(paths.get(0))) { // the default network: levels 4, 5 and 7 to 9 too
                    contenders.add(EphyzipContender.middleLevel(m));
                    contenders.add(EphyzipContender.bestLevel(m));
                }
            }
            if (!defaultOnly) {
                if (m.model().cnn() != null) { // the same adaptive parts without the network: its own worth
                    contenders.add(new EphyzipContender(name + "/arith-nonet", m, CoderKind.ARITH, null,
                            Codec.DEFAULT_FRAME, true));
                }
                contenders.add(new EphyzipContender(name + "/rank", m, CoderKind.RANK, null));
                if (m.model().cnn() != null) {
                    contenders.add(new EphyzipContender(name + "/rank-nofallback", m, CoderKind.RANK, 0));
                }
            }
            lines.add(String.format("model %s: %s, %s, %d bytes (counted once)", name, m.fingerprint(),
                    m.model().kind(), m.byteCount()));
        }
        contenders.addAll(Baselines.libraries());
        if (!noTools) {
            contenders.addAll(Baselines.tools(lines));
            Contender sacTool = Baselines.sac(sacPath());
            if (sacTool != null) {
                contenders.add(sacTool);
            } else {
                lines.add("sac not found (--sac PATH): sac skipped");
            }
        }
        List<CodecResult> results;
        try (Progress p = new Progress(spec.commandLine().getErr(), "compare", files.size())) {
            results = Comparison.run(files, channels == null ? null : new Inputs.Layout(channels, rate), contenders,
                    threads, p::step);
        }
        print(spec.commandLine().getOut(), files.size(), lines, results);
        if (collect != null) {
            collect.addAll(results);
        }
        if (json != null) {
            StringBuilder sb = new StringBuilder("[\n");
            for (int i = 0; i < results.size(); i++) {
                sb.append("  ").append(results.get(i).toJson()).append(i + 1 < results.size() ? ",\n" : "\n");
            }
            ephyzip.io.DurableFile.write(json, sb.append("]\n").toString().getBytes(StandardCharsets.UTF_8));
        }
        if (csv != null) {
            StringBuilder sb = new StringBuilder(String.join(",", CodecResult.FIELDS)).append('\n');
            for (CodecResult r : results) {
                sb.append(r.toCsv()).append('\n');
            }
            ephyzip.io.DurableFile.write(csv, sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (plots != null) {
            ComparisonPlots.write(plots, results, files.size() + " files of " + dir.getFileName());
        }
        // ephyzip's own round trips decide; a baseline tool that refuses a file is reported, not fatal
        return Comparison.ephyzipRoundTripsOk(results) ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** What each compression level (encode -1 to -9) gives: the rows of the shipped models it picks. */
    private static void levels(PrintWriter o, List<CodecResult> results) {
        // -5 is -4; -7 and -8 differ from -9 only off the grid (no long presets)
        String[][] levels = {{"-1", "level-1"}, {"-2", "level-2"}, {"-3", "level-3"}, {"-4, -5", "level-4"},
                {"-6", "default/arith"}, {"-7 to -9", "level-9"}};
        o.println("levels (encode -N picks the model; decode needs no option):");
        for (String[] l : levels) {
            for (CodecResult r : results) {
                if (r.codec().equals(l[1])) {
                    o.printf(Locale.ROOT, "  %-9s %-14s ratio %.3f, payload ratio %.3f, encode %.0f kS/s, decode %.0f kS/s%n",
                            l[0], l[1], r.ratio(), r.payloadRatio(), r.encodeSamplesPerSecond() / 1e3,
                            r.decodeSamplesPerSecond() / 1e3);
                }
            }
        }
    }

    private void print(PrintWriter o, int fileCount, List<String> lines, List<CodecResult> results) {
        o.printf("%d files from %s, each compressed on its own%n", fileCount, dir);
        lines.forEach(o::println);
        o.printf(Locale.ROOT, "%n%-22s %6s %12s %10s %7s %7s %8s %6s %6s %7s %5s %5s %5s %5s %5s %6s %9s %9s %s%n",
                "codec", "files", "payload", "model", "ratio", "r.pay", "bits/smp", "top1", "top16", "top128",
                "t0", "t4", "t7", "t10", "esc", "fallbk", "enc kS/s", "dec kS/s", "round trip");
        for (CodecResult r : results) {
            o.printf(Locale.ROOT, "%-22s %6d %12d %10d %7.3f %7.3f %8.3f ", r.codec(), r.files(), r.payloadBytes(),
                    r.modelBytes(), r.ratio(), r.payloadRatio(), r.bitsPerSample());
            if (r.hasRanks()) {
                o.printf(Locale.ROOT, "%6.3f %6.3f %7.4f ", r.hitRate(1), r.hitRate(16), r.hitRate(128));
                for (RankTier t : RankTier.values()) {
                    o.printf(Locale.ROOT, "%5.3f ", r.tierShare(t));
                }
                o.printf(Locale.ROOT, "%6.3f ", r.fallbackRate());
            } else {
                o.printf("%6s %6s %7s %5s %5s %5s %5s %5s %6s ", "-", "-", "-", "-", "-", "-", "-", "-", "-");
            }
            o.printf(Locale.ROOT, "%9.0f %9.0f %s%n", r.encodeSamplesPerSecond() / 1e3,
                    r.decodeSamplesPerSecond() / 1e3, r.roundTripOk() ? "ok" : r.modelKind() == null ? "refused" : "FAILED");
        }
        o.println();
        o.println("ratio: input / (payload + model); r.pay: input / payload; t0..esc: share of samples per rank tier;");
        o.println("fallbk: share of ranked samples coded with bigram ranks; speeds per thread (one core).");
        if (models == null) {
            levels(o, results);
        }
        CodecResult best = results.get(0);
        double dec = best.decodeSamplesPerSecond();
        o.printf(Locale.ROOT, "%s decodes %.0f samples/s on one core: %.1fx real time for one channel at 19,531 Hz, "
                + "%.3fx for a 1,024-channel implant.%n", best.codec(), dec, dec / Comparison.IMPLANT_RATE, dec / Comparison.IMPLANT_RATE / Comparison.IMPLANT_CHANNELS);
        o.flush();
    }
}
