package ephyzip.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.model.CnnWeights;
import ephyzip.model.QuantLayer;
import ephyzip.TestModels;
import ephyzip.format.WavFile;
import ephyzip.model.Activity;
import ephyzip.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass kernel gives the layer-by-layer network's logits, step for step. */
class VectorNetTest {

    private static QuantLayer layer(Random r, int in, int out, int taps, int dilation, boolean relu) {
        int[] w = new int[out * taps * in];
        for (int k = 0; k < w.length; k++) {
            w[k] = r.nextInt(5) == 0 ? 0 : r.nextInt(2 * QuantLayer.MAX_WEIGHT + 1) - QuantLayer.MAX_WEIGHT;
        }
        long[] b = new long[out];
        for (int o = 0; o < out; o++) {
            b[o] = r.nextInt(1 << 20) - (1 << 19);
        }
        return new QuantLayer(in, out, taps, dilation, 9 + r.nextInt(3), w, b, relu);
    }

    /** A random network of the kernel's shape: {@code features} inputs, {@code pairs} two-tap layers. */
    private static CnnWeights network(Random r, int features, int pairs, int hidden, int band) {
        List<QuantLayer> ls = new ArrayList<>();
        ls.add(layer(r, features, 8, 2, 1, true));
        for (int i = 1; i < pairs; i++) {
            ls.add(layer(r, 8, 8, 2, 1 << i, true));
        }
        ls.add(layer(r, 8, hidden, 1, 0, true));
        ls.add(layer(r, hidden, 2 * band + 1, 1, 0, false));
        return new CnnWeights(ls, band);
    }

    private static void assertSameLogits(CnnWeights weights, int[][] inputs, String what) {
        CnnNet kernel = new CnnNet(weights, true);
        CnnNet layers = new CnnNet(weights, false);
        for (int pass = 0; pass < 2; pass++) { // the second after a reset
            for (int t = 0; t < inputs.length; t++) {
                int[] expected = layers.step(inputs[t]).clone();
                int[] actual = Arrays.copyOf(kernel.step(inputs[t]), expected.length);
                assertArrayEquals(expected, actual, what + ", pass " + pass + ", step " + t);
            }
            kernel.reset();
            layers.reset();
        }
    }

    @Test
    void randomNetworksOfTheKernelsShapeGiveTheSameLogits() {
        assertTrue(Dot.VECTOR, "the tests run with jdk.incubator.vector");
        long seed = 37L;
        Random r = new Random(seed);
        int[][] shapes = {{2, 8, 16, 32}, {2, 1, 8, 32}, {3, 4, 12, 16}, {5, 6, 16, 35}, {2, 3, 16, 8}};
        for (int[] s : shapes) {
            CnnWeights weights = network(r, s[0], s[1], s[2], s[3]);
            assertTrue(new CnnNet(weights).usesKernel(), "kernel for shape " + Arrays.toString(s));
            int[][] inputs = new int[600][s[0]];
            for (int[] in : inputs) {
                for (int j = 0; j < in.length; j++) { // beyond MAX_ACT at times: both clamp the same way
                    in[j] = r.nextInt(4) == 0 ? 0 : r.nextInt(20000) - 10000;
                }
            }
            assertSameLogits(weights, inputs, "seed " + seed + ", shape " + Arrays.toString(s));
        }
    }

    @Test
    void otherShapesTakeTheLayerByLayerPath() {
        Random r = new Random(41L);
        List<QuantLayer> wide = new ArrayList<>();
        wide.add(layer(r, 2, 16, 2, 1, true));
        wide.add(layer(r, 16, 16, 2, 2, true));
        wide.add(layer(r, 16, 32, 1, 0, true));
        wide.add(layer(r, 32, 65, 1, 0, false));
        CnnWeights large = new CnnWeights(wide, 32);
        assertFalse(new CnnNet(large).usesKernel(), "the large network's shape");
        CnnWeights tooManyClasses = network(r, 2, 3, 16, 36); // 73 classes
        assertFalse(new CnnNet(tooManyClasses).usesKernel(), "73 classes");
    }

    @Test
    void theShippedModelGivesTheSameLogitsOnARecording() throws Exception {
        Model model = TestModels.cnn().model();
        CnnWeights weights = model.cnn();
        Path wav = TestModels.DATA.resolve("0052503c-2849-4f41-ab51-db382103690c.wav");
        short[] samples = WavFile.parse(wav.toString(), Files.readAllBytes(wav)).channel(0);
        int[][] inputs = new int[20000][];
        int size = model.alphabet().size();
        Activity activity = new Activity();
        int prev = size / 2;
        int prevPrev = prev;
        for (int t = 0; t < inputs.length; t++) {
            inputs[t] = new int[weights.features()];
            weights.features(prev, prevPrev, size, activity, inputs[t]);
            prevPrev = prev;
            prev = model.alphabet().token(samples[t]);
            activity.update(prev - prevPrev);
        }
        assertSameLogits(weights, inputs, "the default model on the first 20,000 samples of data/0052503c");
    }
}
