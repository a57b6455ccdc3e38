package ephyzip.train;

import ephyzip.model.Activity;
import ephyzip.model.CnnWeights;
import ephyzip.predict.CnnNet;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The integer inference path computes what DL4J computes, up to quantization: the same top class
 * at 95% of the steps or more, no probability off by 0.02, cross-entropy within 0.01 bits a sample.
 */
class CnnParityTest {
    @ParameterizedTest(name = "activity features: {0}")
    @ValueSource(ints = {0, 3})
    void integerPathMatchesDl4j(int activities) {
        long seed = 42;
        Random r = new Random(seed);
        int n = 1023;
        int len = 300;
        int[] seq = new int[len + 2];
        seq[0] = 500;
        for (int i = 1; i < seq.length; i++) {
            seq[i] = Math.max(0, Math.min(n - 1, seq[i - 1] + (int) Math.round(r.nextGaussian() * 4)));
        }
        CnnConfig s = CnnConfig.standard();
        CnnConfig c = new CnnConfig(s.channels(), s.dilations(), s.hidden(), s.band(), activities);
        MultiLayerNetwork net = Dl4jNetwork.build(c, seed, 0.002, len);
        CnnWeights shape = Dl4jNetwork.export(net, c);
        Windows w = new Windows(java.util.List.of(seq), n, shape, len);
        DataSet ds = w.batch(new Random(seed), 1); // the only window: tokens 1..len
        for (int i = 0; i < 30; i++) {
            net.fit(ds); // move away from the initial weights
        }
        CnnWeights q = Dl4jNetwork.export(net, c);
        INDArray out = net.output(ds.getFeatures()); // [1, classes, len]
        CnnNet java = new CnnNet(q);
        Activity act = new Activity();
        int[] features = new int[c.features()];
        int agree = 0;
        double maxDiff = 0;
        double bitsJava = 0;
        double bitsDl4j = 0;
        for (int t = 0; t < len; t++) {
            int tok = seq[1 + t];
            act.update(tok - seq[t]); // as Windows: token i's features have seen steps 1..i
            q.features(tok, seq[t], n, act, features);
            int[] logits = Arrays.copyOf(java.step(features), c.classes()); // the step's array may be padded
            double[] p = softmax(logits);
            int topJ = argmax(p);
            double[] d = new double[c.classes()];
            for (int k = 0; k < d.length; k++) {
                d[k] = out.getDouble(0, k, t);
                maxDiff = Math.max(maxDiff, Math.abs(d[k] - p[k]));
            }
            agree += argmax(d) == topJ ? 1 : 0;
            int label = q.classOf(seq[2 + t], tok);
            bitsJava -= Math.log(p[label]) / Math.log(2);
            bitsDl4j -= Math.log(d[label]) / Math.log(2);
        }
        assertTrue(Math.abs(bitsJava - bitsDl4j) / len < 0.01, "cross-entropy " + bitsJava / len + " (integer path) vs "
                + bitsDl4j / len + " (DL4J) bits a sample (seed " + seed + ")");
        assertTrue(agree >= len * 0.95, "top-1 agreement " + agree + "/" + len + " (seed " + seed + ")");
        assertTrue(maxDiff < 0.02, "largest probability difference " + maxDiff + " (seed " + seed + ")");
    }

    private static double[] softmax(int[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (int v : z) {
            m = Math.max(m, v);
        }
        double[] p = new double[z.length];
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp((z[i] - m) / 256.0);
            s += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= s;
        }
        return p;
    }

    private static int argmax(double[] a) {
        int b = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[b]) {
                b = i;
            }
        }
        return b;
    }
}
