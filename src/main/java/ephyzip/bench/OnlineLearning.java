package ephyzip.bench;

import ephyzip.format.Recordings;
import ephyzip.model.Alphabet;
import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import ephyzip.predict.ModelPredictor;
import ephyzip.predict.Predictors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures learning while coding (the network-value issue): the arithmetic coder's cost, in bits
 * a sample, of the default predictor, of the same without the network, and with the network's
 * output layer learning each recording at rates 2^-k. Run it on held-out training recordings
 * (every fourth of training/split/train.txt), never on the validation split:
 * {@code OnlineLearning MODEL MAX_FILES FILES_OR_LISTS...}; needs {@code --add-modules jdk.incubator.vector}.
 */
public final class OnlineLearning {
    private OnlineLearning() {
    }

    /** The rates to try: 2^-k for k in the ephyzip.rates property (default 6,8,10,12). */
    private static int[] ks(String[] args) {
        return java.util.Arrays.stream(System.getProperty("ephyzip.rates", "6,8,10,12").split(","))
                .mapToInt(Integer::parseInt).toArray();
    }

    public static void main(String[] args) throws Exception {
        Model model = ModelFile.parse(args[0], Files.readAllBytes(Path.of(args[0]))).model();
        int max = Integer.parseInt(args[1]);
        List<Path> all = Recordings.list(java.util.Arrays.stream(args).skip(2).map(Path::of).toList());
        List<Path> files = new ArrayList<>();
        for (int i = 3; i < all.size() && files.size() < max; i += 4) { // the held-out rule: every fourth
            files.add(all.get(i));
        }
        List<short[]> recordings = new ArrayList<>();
        long samples = 0;
        for (Path f : files) {
            for (short[] c : Recordings.channels(f)) {
                recordings.add(c);
                samples += c.length;
            }
        }
        System.out.printf(Locale.ROOT, "%d held-out recordings, %d samples%n", recordings.size(), samples);
        List<String> names = new ArrayList<>(List.of("network fixed", "without network"));
        List<Supplier<ModelPredictor>> configs = new ArrayList<>(List.of(() -> Predictors.of(model),
                () -> Predictors.withoutNetwork(model)));
        for (int k : ks(args)) {
            names.add("learning 2^-" + k);
            configs.add(() -> Predictors.learning(model, k));
        }
        Alphabet a = model.alphabet();
        for (int i = 0; i < configs.size(); i++) {
            double bits = 0;
            long t0 = System.nanoTime();
            for (short[] r : recordings) {
                ModelPredictor p = configs.get(i).get();
                p.reset();
                for (short s : r) {
                    int tok = a.token(s);
                    int symbol = tok < 0 ? a.size() : tok;
                    int token = tok < 0 ? a.nearest(s) : tok;
                    p.predict();
                    bits -= Math.log(p.probability(symbol));
                    p.update(symbol, token);
                }
            }
            bits /= Math.log(2);
            System.out.printf(Locale.ROOT, "%-18s %.5f bits/sample  (%.0f s)%n", names.get(i), bits / samples,
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
