package ephyzip.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.TestModels;
import ephyzip.cli.Cli;
import ephyzip.format.Recordings;
import ephyzip.model.Model;
import ephyzip.model.QuantLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refit of a network's top layers for the format-4 mix ({@link OutputRefit}). */
class OutputRefitTest {
    @TempDir
    Path dir;

    private static List<int[]> tokens(Model model, int files) throws Exception {
        List<int[]> out = new ArrayList<>();
        for (Path f : TestModels.dataFiles().subList(0, files)) {
            for (short[] ch : Recordings.channels(f)) {
                int[] t = new int[ch.length];
                for (int i = 0; i < t.length; i++) {
                    t[i] = model.alphabet().nearest(ch[i]);
                }
                out.add(t);
            }
        }
        return out;
    }

    /** The float copy mirrors the integer layers: without a step, the same layers come back. */
    @Test
    void noEpochsGiveTheLayersBack() throws Exception {
        Model model = TestModels.cnn().model();
        List<QuantLayer> layers = model.cnn().layers();
        int n = layers.size();
        for (int depth = 1; depth <= 3; depth++) {
            OutputRefit r = OutputRefit.collect(model, tokens(model, 1), 64, depth);
            OutputRefit.Fit fit = r.fit(layers.subList(n - depth, n), 0, 0.002, 1, s -> { });
            assertEquals(fit.lossBefore(), fit.lossAfter(), "no epochs, no change");
            List<QuantLayer> back = fit.layers();
            for (int l = 0; l < depth; l++) {
                QuantLayer a = layers.get(n - depth + l);
                QuantLayer b = back.get(l);
                assertEquals(a.shift(), b.shift(), "depth " + depth + " layer " + l);
                assertArrayEquals(a.weights(), b.weights(), "depth " + depth + " layer " + l);
                assertArrayEquals(a.bias(), b.bias(), "depth " + depth + " layer " + l);
            }
        }
    }

    /** Loss of the first and last log lines ("... loss X bits"). */
    private static double[] losses(List<String> log) {
        java.util.function.Function<String, Double> loss = s -> Double.parseDouble(s.replaceFirst(".*loss ", "").replace(" bits", ""));
        return new double[] {loss.apply(log.get(0)), loss.apply(log.get(log.size() - 1))};
    }

    @Test
    void refitLowersTheMixedLossAndIsReproducible() throws Exception {
        Model model = TestModels.cnn().model();
        List<int[]> seqs = tokens(model, 2);
        List<String> log1 = new ArrayList<>();
        List<String> log2 = new ArrayList<>();
        OutputRefit.Refitted ra = OutputRefit.refit(model, seqs, 4, 3, 2, 0.002, 5, log1::add);
        Model a = ra.model();
        Model b = OutputRefit.refit(model, seqs, 4, 3, 2, 0.002, 5, log2::add).model();
        double[] l = losses(log1);
        assertTrue(l[1] < l[0] - 0.005, "refit did not lower the loss: " + log1);
        assertEquals(String.format(java.util.Locale.ROOT, "%.5f", ra.lossAfter()), String.format(java.util.Locale.ROOT, "%.5f", l[1]),
                "the losses returned are those logged");
        assertEquals(log1, log2);
        int n = a.cnn().layers().size();
        for (int k = 0; k < n; k++) {
            assertArrayEquals(a.cnn().layers().get(k).weights(), b.cnn().layers().get(k).weights(), "layer " + k);
        }
        // the layers below the refitted ones are untouched, the top ones changed
        for (int k = 0; k < n - 3; k++) {
            assertArrayEquals(model.cnn().layers().get(k).weights(), a.cnn().layers().get(k).weights(), "layer " + k);
        }
        assertNotEquals(java.util.Arrays.toString(model.cnn().layers().get(n - 1).weights()),
                java.util.Arrays.toString(a.cnn().layers().get(n - 1).weights()));
    }

    @Test
    void sparsityDropsAndRounds() {
        BigramTrainer.Sparsity s = new BigramTrainer.Sparsity(4, 2);
        int[] seq = new int[80]; // from token 0: (1, 0) 37 times, then (2, 0) 3 times
        for (int i = 0; i < seq.length; i++) {
            seq[i] = i % 2 == 1 ? 0 : i < 74 ? 1 : 2;
        }
        int[][] c = BigramTrainer.count(3, List.of(seq), 0, s);
        assertEquals(0, c[0][2], "a count of 3 is dropped");
        assertEquals(0, c[2][0], "a count of 3 is dropped");
        assertEquals(32, c[0][1], "37 = 100101b keeps 2 leading bits, to nearest");
        assertEquals(32, c[1][0]);
        assertEquals(64, BigramTrainer.round(74, 2)); // 1001010b: 10|01010 rounds down
        assertEquals(80, BigramTrainer.round(74, 3)); // 100|1010 rounds up
        assertEquals(3, BigramTrainer.round(3, 2));
        assertEquals(BigramTrainer.Sparsity.BESIDE_NETWORK.dropAtMost(), 64);
    }

    @Test
    void refitOnlyNeedsAModelToStartFrom() throws Exception {
        Cli r = Cli.run("train", "--kind", "cnn", "--data", TestModels.dataFiles().get(0), "--out", dir.resolve("m.ezm"),
                "--refit-only");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--refit-only needs --init"), r.err());
    }
}
