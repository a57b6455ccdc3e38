package ephyzip.cli;

import ephyzip.io.BadInputException;
import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model} option, with the shipped default. */
final class ModelOption {
    /** The shipped model used when none is given, relative to the installation. */
    static final String DEFAULT_MODEL = "models/default.ezm";
    /**
     * The shipped larger network (levels 7 to 9 in 0.6; now only with {@code -m}, and for its
     * streams): 0.05% smaller payloads, a 5,284-byte larger file, about 30% slower.
     */
    static final String LARGE_MODEL = "models/large.ezm";
    /** The shipped bigram model, the baseline the network is compared with. */
    static final String BIGRAM_MODEL = "models/bigram.ezm";

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model file (default: the shipped " + DEFAULT_MODEL + ").")
    Path model;

    ModelFile load() throws BadInputException {
        return load(model != null ? model : defaultModel());
    }

    static ModelFile load(Path path) throws BadInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read model (" + e.getMessage() + ")");
        }
        return ModelFile.parse(path.toString(), bytes);
    }

    static Path defaultModel() {
        return shipped(DEFAULT_MODEL);
    }

    static Path shipped(String name) {
        return Path.of(System.getProperty("ephyzip.home", ".")).resolve(name);
    }
}
