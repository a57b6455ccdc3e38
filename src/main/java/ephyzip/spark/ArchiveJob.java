package ephyzip.spark;

import ephyzip.format.Inputs;
import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Whole archives on Apache Spark: {@code encode}, {@code decode} and {@code verify} of every
 * recording under an input URI (any Hadoop file system) into an output URI that mirrors the
 * input's layout, one task per recording, the model sent to the executors once. A recording that
 * fails is reported in the summary and does not stop the others.
 *
 * <pre>ArchiveJob encode|decode|verify [--master URL] [--model MODEL] [--coder CODER]
 *            [--channels N --rate HZ] IN OUT</pre>
 * With {@code --channels} and {@code --rate}, flat {@code .dat} files (Kilosort, Intan) are taken too,
 * with that layout, as {@code ephyzip encode --channels N --rate HZ} reads them.
 *
 * Exit codes: 0 all recordings done (verify: all identical), 3 some failed or differ, 2 usage.
 */
public final class ArchiveJob {
    /** The summary's name, beside the outputs. */
    public static final String SUMMARY = "_ephyzip-summary.json";

    private ArchiveJob() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the job as the command line says; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("ephyzip-spark: " + e.getMessage());
            err.println("usage: ephyzip-spark encode|decode|verify [--master URL] [--model MODEL] [--coder rank|arith]"
                    + " [--channels N --rate HZ] IN OUT");
            return 2;
        }
        SparkConf conf = new SparkConf().setAppName("ephyzip " + o.mode().label);
        if (o.master() != null) {
            conf.setMaster(o.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]"); // no cluster: this machine's cores
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            Summary s = run(sc, o.mode(), URI.create(o.in()), URI.create(o.out()), readModel(sc, o.model()), o.coder(),
                    o.layout());
            out.println(s.toJson());
            for (Summary.Failure f : s.failures()) {
                err.println("ephyzip-spark: " + f.path() + ": " + f.reason());
            }
            return s.failures().isEmpty() ? 0 : 3;
        }
    }

    /**
     * Runs one job and, for encode and decode, writes its summary beside the outputs
     * ({@value #SUMMARY}). {@code modelBytes}: the model file's bytes.
     */
    public static Summary run(JavaSparkContext sc, Mode mode, URI in, URI out, byte[] modelBytes, CoderKind coder)
            throws Exception {
        return run(sc, mode, in, out, modelBytes, coder, null);
    }

    /** As above; {@code layout}: flat {@code .dat} files' layout, or null to take only self-describing files. */
    public static Summary run(JavaSparkContext sc, Mode mode, URI in, URI out, byte[] modelBytes, CoderKind coder,
                              Inputs.Layout layout) throws Exception {
        ModelFile model = ModelFile.parse("model", modelBytes); // fail fast on the driver
        Map<String, String> hadoop = new HashMap<>();
        sc.hadoopConfiguration().forEach(e -> hadoop.put(e.getKey(), e.getValue()));
        List<String> rel = Listing.recordings(fileSystem(in, hadoop), new Path(in), mode, layout != null);
        Broadcast<byte[]> shared = sc.broadcast(modelBytes);
        Task task = new Task(mode, in.toString(), out.toString(), coder, shared, hadoop,
                layout == null ? 0 : layout.channels(), layout == null ? 0 : layout.rate());
        List<Task.Result> results = rel.isEmpty() ? List.of()
                : sc.parallelize(rel, rel.size()).map(task::run).collect();
        Summary s = Summary.of(mode, model, results);
        if (mode != Mode.VERIFY) {
            FileSystem fs = fileSystem(out, hadoop);
            fs.mkdirs(new Path(out));
            try (FSDataOutputStream o = fs.create(new Path(new Path(out), SUMMARY), true)) {
                o.write(s.toJson().getBytes(StandardCharsets.UTF_8));
            }
        }
        return s;
    }

    static FileSystem fileSystem(URI uri, Map<String, String> hadoop) throws IOException {
        Configuration c = new Configuration();
        hadoop.forEach(c::set);
        FileSystem fs = FileSystem.get(uri, c);
        // streams carry their own CRCs; no .crc side files beside outputs on local disks
        fs.setWriteChecksum(false);
        fs.setVerifyChecksum(false);
        return fs;
    }

    private static byte[] readModel(JavaSparkContext sc, String model) throws IOException {
        Map<String, String> hadoop = new HashMap<>();
        sc.hadoopConfiguration().forEach(e -> hadoop.put(e.getKey(), e.getValue()));
        URI uri = URI.create(model);
        if (uri.getScheme() == null) {
            uri = java.nio.file.Path.of(model).toAbsolutePath().toUri();
        }
        try (var s = fileSystem(uri, hadoop).open(new Path(uri))) {
            return s.readAllBytes();
        }
    }

    /** What the job does. */
    public enum Mode {
        ENCODE("encode"), DECODE("decode"), VERIFY("verify");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    record Options(Mode mode, String master, String model, CoderKind coder, String in, String out,
                   Inputs.Layout layout) {
        static Options parse(String[] args) {
            List<String> rest = new ArrayList<>();
            String master = null;
            String model = System.getProperty("ephyzip.home", ".") + "/models/default.ezm";
            CoderKind coder = CoderKind.ARITH;
            Integer channels = null;
            Double rate = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--channels" -> channels = number(value(args, ++i, "--channels"), "--channels").intValue();
                    case "--rate" -> rate = number(value(args, ++i, "--rate"), "--rate");
                    case "--master" -> master = value(args, ++i, "--master");
                    case "--model" -> model = value(args, ++i, "--model");
                    case "--coder" -> {
                        String c = value(args, ++i, "--coder");
                        coder = switch (c) {
                            case "arith" -> CoderKind.ARITH;
                            case "rank" -> CoderKind.RANK;
                            default -> throw new IllegalArgumentException("unknown coder " + c);
                        };
                    }
                    default -> rest.add(args[i]);
                }
            }
            if (rest.size() != 3) {
                throw new IllegalArgumentException("expected a mode, IN and OUT");
            }
            Mode mode = null;
            for (Mode m : Mode.values()) {
                if (m.label.equals(rest.get(0))) {
                    mode = m;
                }
            }
            if (mode == null) {
                throw new IllegalArgumentException("unknown mode " + rest.get(0));
            }
            if ((channels == null) != (rate == null)) {
                throw new IllegalArgumentException("--channels and --rate go together");
            }
            if (channels != null && (channels < 1 || channels > Inputs.MAX_CHANNELS || !(rate > 0 && rate < 1e9))) {
                throw new IllegalArgumentException("--channels must be 1 to " + Inputs.MAX_CHANNELS
                        + " and --rate positive");
            }
            return new Options(mode, master, model, coder, uri(rest.get(1)), uri(rest.get(2)),
                    channels == null ? null : new Inputs.Layout(channels, rate));
        }

        private static Double number(String v, String name) {
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " " + v + " is not a number");
            }
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }

        /** A plain path means a local folder. */
        private static String uri(String s) {
            return URI.create(s.replace(" ", "%20")).getScheme() != null ? s
                    : java.nio.file.Path.of(s).toAbsolutePath().toUri().toString();
        }
    }
}
