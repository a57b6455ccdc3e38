package ephyzip.predict;

import ephyzip.TestModels;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.coding.Ranking;
import ephyzip.io.BitOutputStream;
import ephyzip.model.Model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-sample protocol of {@link Predictor}, for both shipped models. */
class PredictorProtocolTest {
    private static List<Model> models() throws Exception {
        return List.of(TestModels.cnn().model(), TestModels.bigram().model());
    }

    /** A walk over tokens with small steps, some large jumps and some escapes (symbol == size). */
    private static int[][] walk(int size, long seed, int n) {
        Random r = new Random(seed);
        int[] symbols = new int[n];
        int[] tokens = new int[n];
        int t = size / 2;
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(100);
            t = k < 3 ? r.nextInt(size) : Math.max(0, Math.min(size - 1, t + r.nextInt(15) - 7));
            tokens[i] = t;
            symbols[i] = k == 99 ? size : t;
        }
        return new int[][] {symbols, tokens};
    }

    @Test
    void updateWithoutPredictionIsRefused() throws Exception {
        for (Model m : models()) {
            ModelPredictor p = Predictors.of(m);
            assertThrows(IllegalStateException.class, () -> p.update(0, 0), m.kind().label);
            p.predict();
            assertThrows(IllegalStateException.class, p::predict, m.kind().label);
        }
    }

    @Test
    void distributionSumsToOneAndRankingIsAPermutation() throws Exception {
        long seed = 11;
        for (Model m : models()) {
            ModelPredictor p = Predictors.of(m);
            int size = p.alphabetSize();
            int[][] w = walk(size, seed, 300);
            for (int i = 0; i < 300; i++) {
                p.predict();
                if (i % 50 == 7) {
                    double sum = 0;
                    for (int s = 0; s <= size; s++) {
                        double q = p.probability(s);
                        assertTrue(q > 0, m.kind() + ": symbol " + s + " has no probability, seed " + seed);
                        sum += q;
                    }
                    assertEquals(1.0, sum, 1e-6, m.kind() + " at sample " + i + ", seed " + seed);
                    Ranking r = p.ranking();
                    boolean[] seen = new boolean[size];
                    for (int k = 0; k < size; k++) {
                        int tok = r.tokenAt(k);
                        assertEquals(k, r.rankOf(tok), m.kind() + " rank " + k + ", seed " + seed);
                        assertTrue(!seen[tok], "token listed twice");
                        seen[tok] = true;
                    }
                }
                p.update(w[0][i], w[1][i]);
            }
        }
    }

    /** The learning-while-coding measurement hook: wired to the network, and deterministic. */
    @Test
    void learningWhileCodingIsDeterministicAndInert() throws Exception {
        Model m = TestModels.cnn().model();
        long seed = 13;
        int[][] w = walk(m.alphabet().size(), seed, 4000);
        ModelPredictor fixed = Predictors.forVersion(m, 3); // learning is measured with format 3's mixer
        ModelPredictor inert = Predictors.learning(m, 40); // steps that round to nothing
        ModelPredictor a = Predictors.learning(m, 12);
        ModelPredictor b = Predictors.learning(m, 12);
        boolean moved = false;
        for (int i = 0; i < w[0].length; i++) {
            for (ModelPredictor p : List.of(fixed, inert, a, b)) {
                p.predict();
            }
            int s = w[0][i];
            assertEquals(fixed.probability(s), inert.probability(s), "sample " + i + ", seed " + seed);
            assertEquals(a.probability(s), b.probability(s), "sample " + i + ", seed " + seed);
            moved |= a.probability(s) != fixed.probability(s);
            for (ModelPredictor p : List.of(fixed, inert, a, b)) {
                p.update(s, w[1][i]);
            }
        }
        assertTrue(moved, "learning changes the predictions");
    }

    /**
     * What a predictor learns depends on the symbols only, not on which coder read the prediction:
     * one driven by the arithmetic coder and one by the rank coder stay identical, escapes included.
     */
    @Test
    void bothCodersTrainThePredictorAlike() throws Exception {
        long seed = 12;
        for (Model m : models()) {
            ModelPredictor arith = Predictors.of(m);
            ModelPredictor rank = Predictors.of(m);
            int size = arith.alphabetSize();
            int[][] w = walk(size, seed, 3000);
            ArithmeticEncoder enc = new ArithmeticEncoder(new BitOutputStream());
            for (int i = 0; i < w[0].length; i++) {
                arith.predict();
                rank.predict();
                assertEquals(arith.probability(w[0][i]), rank.probability(w[0][i]),
                        m.kind() + " sample " + i + ", seed " + seed);
                arith.encode(enc, w[0][i]);
                if (w[0][i] < size) {
                    rank.ranking().rankOf(w[0][i]);
                }
                arith.update(w[0][i], w[1][i]);
                rank.update(w[0][i], w[1][i]);
            }
        }
    }
}
