package ephyzip.train;

import ephyzip.model.CnnWeights;
import ephyzip.model.QuantLayer;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The DL4J side of the network: building it, and moving weights between it and the integer
 * {@link CnnWeights}. DL4J's flat weight buffer of a 1D convolution (and of the output layer) is
 * laid out as [tap][in][out], the last tap multiplying the newest input.
 */
final class Dl4jNetwork {
    private Dl4jNetwork() {
    }

    static MultiLayerNetwork build(CnnConfig c, long seed, double learningRate, int windowLength) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list();
        int in = c.features();
        for (int d : c.dilations()) {
            b.layer(new Convolution1DLayer.Builder().kernelSize(CnnConfig.KERNEL).dilation(d)
                    .convolutionMode(ConvolutionMode.Causal).nIn(in).nOut(c.channels())
                    .activation(Activation.RELU).build());
            in = c.channels();
        }
        b.layer(new Convolution1DLayer.Builder().kernelSize(1).convolutionMode(ConvolutionMode.Causal)
                .nIn(in).nOut(c.hidden()).activation(Activation.RELU).build());
        b.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(c.hidden()).nOut(c.classes())
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
        MultiLayerConfiguration conf = b.setInputType(InputType.recurrent(c.features(), windowLength)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Quantizes the network's weights. */
    static CnnWeights export(MultiLayerNetwork net, CnnConfig c) {
        List<QuantLayer> layers = new ArrayList<>();
        int in = c.features();
        int n = net.getnLayers();
        for (int l = 0; l < n; l++) {
            boolean conv = l < c.dilations().length;
            boolean output = l == n - 1;
            int taps = conv ? CnnConfig.KERNEL : 1;
            int dilation = conv ? c.dilations()[l] : 0;
            int out = output ? c.classes() : l == n - 2 ? c.hidden() : c.channels();
            float[] flat = net.getParam(l + "_W").dup('c').data().asFloat();
            float[] bias = net.getParam(l + "_b").dup('c').data().asFloat();
            float[][] rows = new float[out][taps * in];
            for (int o = 0; o < out; o++) {
                for (int j = 0; j < taps * in; j++) {
                    rows[o][j] = flat[j * out + o];
                }
            }
            layers.add(QuantLayer.of(in, out, taps, dilation, rows, bias, !output));
            in = out;
        }
        return new CnnWeights(layers, c.band());
    }

    /** Loads (dequantized) integer weights into a network of the same shape, to fine-tune them. */
    static void load(MultiLayerNetwork net, CnnWeights w) {
        List<QuantLayer> layers = w.layers();
        for (int l = 0; l < layers.size(); l++) {
            QuantLayer q = layers.get(l);
            INDArray param = net.getParam(l + "_W");
            float[] flat = new float[q.out() * q.taps() * q.in()];
            for (int o = 0; o < q.out(); o++) {
                for (int j = 0; j < q.taps() * q.in(); j++) {
                    flat[j * q.out() + o] = q.weight(o, j);
                }
            }
            net.setParam(l + "_W", Nd4j.create(flat, param.shape(), 'c'));
            float[] b = new float[q.out()];
            for (int o = 0; o < b.length; o++) {
                b[o] = q.biasValue(o);
            }
            net.setParam(l + "_b", Nd4j.create(b, net.getParam(l + "_b").shape(), 'c'));
        }
    }

    /** Reads the shape of exported weights back, so a fine-tune builds the same network. */
    static CnnConfig configOf(CnnWeights w) {
        List<QuantLayer> ls = w.layers();
        int convs = ls.size() - 2;
        int[] dil = new int[convs];
        for (int i = 0; i < convs; i++) {
            dil[i] = ls.get(i).dilation();
        }
        return new CnnConfig(ls.get(0).out(), dil, ls.get(convs).out(), w.band(), w.features() - CnnWeights.BASE_FEATURES);
    }
}
