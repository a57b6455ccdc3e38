package ephyzip.predict;

import ephyzip.model.BigramTable;

/**
 * Stream format 4 and later: the network and the bigram mixed geometrically ({@link GeometricMixer});
 * from format 9 on, at levels 7 to 9, with the recording's histogram of classes as well.
 */
final class GeometricMix implements CnnMix {
    private final GeometricMixer mixer;
    private final BigramTable bigram;
    private final int band;

    GeometricMix(int classes, BigramTable bigram, int band, boolean withNetwork, boolean withBigram,
                 boolean withHistogram) {
        this.mixer = new GeometricMixer(classes, withNetwork, withBigram, withHistogram);
        this.bigram = bigram;
        this.band = band;
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
        mixer.mix(lo, hi, logits, bigram.lnFrequencies(prev), prev - band,
                StepBand.otherFrequency(bigram, prev, band, lo, hi));
    }

    @Override
    public void update(int c, int token, int prev) {
        mixer.update(c);
    }
}
