package ephyzip;

import ephyzip.model.BigramTrainer;
import ephyzip.model.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Models for tests: a bigram model trained here on the bundled recordings, once per JVM. */
public final class TestModels {
    public static final Path DATA = Path.of("data");
    private static ModelFile bigram;

    private TestModels() {
    }

    public static synchronized ModelFile bigram() throws Exception {
        if (bigram == null) {
            bigram = ModelFile.of(BigramTrainer.train(dataFiles().subList(0, 4), "data", n -> { }));
        }
        return bigram;
    }

    public static List<Path> dataFiles() throws Exception {
        try (Stream<Path> s = Files.list(DATA)) {
            return s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
    }
}
