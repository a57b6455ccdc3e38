package ephyzip.predict;

import ephyzip.coding.CumulativeFrequencies;
import ephyzip.model.BigramTable;

/**
 * Stream formats 2 and 3: the network's softmax and the bigram table mixed linearly with two
 * histograms of the recording's steps ({@link AdaptiveMixer}). Kept so that those streams decode.
 */
final class LinearMix implements CnnMix {
    private final AdaptiveMixer mixer;
    private final BigramTable bigram;
    private final int band;
    private final int other;
    /** The network's softmax weight of each class at the last mix (0 outside the band). */
    private final int[] networkWeight;
    private final int[] bigramWeight;

    /** {@code parts[i]}: {@link MixerComponent} i is mixed in. */
    LinearMix(int classes, BigramTable bigram, int band, boolean[] parts) {
        this.mixer = new AdaptiveMixer(classes, parts);
        this.bigram = bigram;
        this.band = band;
        this.other = 2 * band;
        this.networkWeight = new int[classes];
        this.bigramWeight = new int[classes];
    }

    @Override
    public int[] cumulative() {
        return mixer.cumulative();
    }

    @Override
    public void reset() {
        mixer.reset();
    }

    @Override
    public void mix(int[] logits, int prev, int lo, int hi) {
        CumulativeFrequencies bt = bigram.frequencies(prev);
        int max = Integer.MIN_VALUE;
        for (int c = 0; c <= other; c++) {
            max = Math.max(max, logits[c]);
        }
        long networkSum = 0;
        for (int c = lo; c < hi; c++) {
            int w = Softmax.weight(max, logits[c]);
            networkWeight[c] = w;
            networkSum += w;
            bigramWeight[c] = bt.get(prev + c - band);
        }
        networkWeight[other] = Softmax.weight(max, logits[other]);
        networkSum += networkWeight[other];
        bigramWeight[other] = StepBand.otherFrequency(bigram, prev, band, lo, hi);
        mixer.mix(lo, hi, networkWeight, networkSum, bigramWeight, BigramTable.TOTAL);
    }

    @Override
    public void update(int c, int token, int prev) {
        mixer.update(c, token - prev);
    }

    /** The network's weights at the last mix, for {@link OutputLearning}. */
    int[] networkWeights() {
        return networkWeight;
    }
}
