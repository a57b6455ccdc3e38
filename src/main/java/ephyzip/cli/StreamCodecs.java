package ephyzip.cli;

import ephyzip.Codec;
import ephyzip.io.BadInputException;
import ephyzip.model.ModelFile;
import ephyzip.stream.StreamHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codec each stream needs, for the commands that read streams (decode, test, verify). With
 * {@code --model}, that model for every stream. Without, the model whose fingerprint the stream
 * names, looked up among the shipped models, so that a stream written at any level (with the
 * bigram model, say) decodes with no option; a stream whose model is not shipped gets the default
 * (residual-path streams decode with any model; grid-path ones then fail naming the model they need).
 */
final class StreamCodecs {
    private final ModelOption option;
    private final int threads;
    private final Map<String, Codec> byFingerprint = new ConcurrentHashMap<>();
    private volatile Codec fixed;

    StreamCodecs(ModelOption option, int threads) {
        this.option = option;
        this.threads = threads;
    }

    /** The codec for the stream in {@code file} (its header is read here, then closed). */
    Codec forStream(Path file) throws BadInputException, IOException {
        if (option.model != null) {
            return explicit();
        }
        String fingerprint;
        try (InputStream in = FileJob.openInput(file)) {
            fingerprint = StreamHeader.read(in).modelFingerprint();
        }
        Codec c = byFingerprint.get(fingerprint);
        if (c == null) {
            c = new Codec(shipped(fingerprint), threads);
            byFingerprint.put(fingerprint, c);
        }
        return c;
    }

    private synchronized Codec explicit() throws BadInputException {
        if (fixed == null) {
            fixed = new Codec(option.load(), threads);
        }
        return fixed;
    }

    /**
     * The shipped model with this fingerprint, else the default model. The shipped ones are tried
     * in the order of their likelihood (the default, the large network, the bigram table), then
     * any other file there: each costs a hash, and the first costs the hash's start-up too.
     */
    private static ModelFile shipped(String fingerprint) throws BadInputException {
        Path dir = ModelOption.shipped("models");
        if (Files.isDirectory(dir)) {
            List<Path> candidates = new ArrayList<>();
            for (String name : new String[] {ModelOption.DEFAULT_MODEL, ModelOption.LARGE_MODEL, ModelOption.BIGRAM_MODEL}) {
                candidates.add(ModelOption.shipped(name));
            }
            try (DirectoryStream<Path> models = Files.newDirectoryStream(dir, "*.ezm")) {
                List<Path> others = new ArrayList<>();
                models.forEach(others::add);
                others.removeAll(candidates);
                Collections.sort(others);
                candidates.addAll(others);
            } catch (IOException e) {
                // an unreadable models folder: the three shipped names, then the default below
            }
            for (Path m : candidates) {
                try {
                    ModelFile found = ModelFile.parseIf(fingerprint, m.toString(), Files.readAllBytes(m));
                    if (found != null) {
                        return found;
                    }
                } catch (IOException e) {
                    // a missing or unreadable file: try the next
                }
            }
        }
        return ModelOption.load(ModelOption.defaultModel());
    }
}
