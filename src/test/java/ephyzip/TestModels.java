package ephyzip;

import ephyzip.model.ModelFile;
import ephyzip.train.BigramTrainer;
import ephyzip.train.CnnConfig;
import ephyzip.train.CnnTrainer;
import ephyzip.train.EpochResult;
import ephyzip.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Models and files for tests: the shipped models (what users run), read once per JVM, and the
 * project's folders found from the compiled tests, whatever the working directory.
 */
public final class TestModels {
    /** The checkout: target/test-classes is two levels below it. */
    public static final Path ROOT = root();
    public static final Path DATA = ROOT.resolve("data");
    public static final Path MODELS = ROOT.resolve("models");
    public static final Path RESOURCES = ROOT.resolve("src/test/resources");
    private static ModelFile bigram;
    private static ModelFile cnn;
    private static ModelFile large;

    private TestModels() {
    }

    /** The shipped bigram model. */
    public static synchronized ModelFile bigram() throws Exception {
        if (bigram == null) {
            bigram = read(MODELS.resolve("bigram.ezm"));
        }
        return bigram;
    }

    /** The shipped large network (levels 7 to 9; the default model until 0.6.0). */
    public static synchronized ModelFile large() throws Exception {
        if (large == null) {
            large = read(MODELS.resolve("large.ezm"));
        }
        return large;
    }

    /** The shipped default (network) model. */
    public static synchronized ModelFile cnn() throws Exception {
        if (cnn == null) {
            cnn = read(MODELS.resolve("default.ezm"));
        }
        return cnn;
    }

    private static ModelFile read(Path p) throws Exception {
        return ModelFile.parse(p.toString(), Files.readAllBytes(p));
    }

    /** A tiny network trained here for a few batches (training tests only). */
    public static ModelFile trainTinyCnn() throws Exception {
        List<Path> files = dataFiles();
        CnnTrainer.Options o = new CnnTrainer.Options(files.subList(0, 3), files.subList(3, 4), "data", 2, 7,
                null, null, false, 4, 4, 128, 0.003, 3, CnnConfig.standard());
        return ModelFile.of(new CnnTrainer(o, QUIET).run().model());
    }

    /** A bigram model trained here on four bundled recordings (training tests only). */
    public static ModelFile trainBigram() throws Exception {
        return ModelFile.of(BigramTrainer.train(dataFiles().subList(0, 4), "data", n -> { }));
    }

    private static Path root() {
        try {
            Path classes = Path.of(TestModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final TrainingListener QUIET = new TrainingListener() {
        @Override
        public void batch(int epoch, int done, int total, double lossBits) {
        }

        @Override
        public void epoch(EpochResult result, boolean best) {
        }

        @Override
        public void message(String text) {
        }
    };

    public static List<Path> dataFiles() throws Exception {
        try (Stream<Path> s = Files.list(DATA)) {
            return s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
    }
}
