package ephyzip.cli;

import ephyzip.io.BadInputException;
import ephyzip.model.ModelFile;
import ephyzip.predict.Predictors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the release, the default model a stream gets without {@code --model} (by
 * fingerprint, which is what a stream records), and how the network runs here. A bug report
 * needs all three.
 */
final class VersionInfo implements IVersionProvider {
    /** The release; the pom's version says the same. */
    static final String VERSION = "0.8.0";

    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add("ephyzip " + VERSION);
        Path model = ModelOption.defaultModel();
        String described;
        if (!Files.isRegularFile(model)) {
            described = "not found at " + model;
        } else {
            try {
                ModelFile m = ModelOption.load(model);
                described = model + ", fingerprint " + m.fingerprint() + ", " + m.byteCount() + " bytes";
            } catch (BadInputException e) {
                described = "unreadable: " + e.getMessage();
            }
        }
        lines.add("default model: " + described);
        String path = Predictors.inferencePath();
        lines.add("network inference: " + path + (path.startsWith("vector")
                ? "; scalar loops for jobs up to " + InferencePath.SAMPLES_PER_CORE + " samples a core (same bits)"
                : " (bin/ephyzip adds --add-modules jdk.incubator.vector for the vector path; same bits either way)"));
        lines.add("Java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return lines.toArray(new String[0]);
    }
}
