package ephyzip;

import ephyzip.model.BigramTrainer;
import ephyzip.model.ModelFile;
import ephyzip.train.CnnConfig;
import ephyzip.train.CnnTrainer;
import ephyzip.train.EpochResult;
import ephyzip.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Models for tests: a bigram model trained here on the bundled recordings, once per JVM. */
public final class TestModels {
    public static final Path DATA = Path.of("data");
    private static ModelFile bigram;
    private static ModelFile cnn;

    private TestModels() {
    }

    public static synchronized ModelFile bigram() throws Exception {
        if (bigram == null) {
            bigram = ModelFile.of(BigramTrainer.train(dataFiles().subList(0, 4), "data", n -> { }));
        }
        return bigram;
    }

    /** A tiny network trained here for a few batches: enough to exercise every code path. */
    public static synchronized ModelFile cnn() throws Exception {
        if (cnn == null) {
            List<Path> files = dataFiles();
            CnnTrainer.Options o = new CnnTrainer.Options(files.subList(0, 3), files.subList(3, 4), "data", 2, 7,
                    null, null, false, 4, 4, 128, 0.003, 3, CnnConfig.standard());
            cnn = ModelFile.of(new CnnTrainer(o, QUIET).run().model());
        }
        return cnn;
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
