package ephyzip;

import ephyzip.format.RecordingReader;
import java.io.IOException;

/**
 * What the encoder learns of a recording before coding it ({@link Codec#plan(Survey,
 * ephyzip.stream.CoderKind)}): the count of each sample value ({@code [v + 32768]}) and the first
 * samples of every channel (interleaved), to try the paths on.
 */
public record Survey(long[] histogram, short[] prefix, int channels, long samplesPerChannel) {
    /** Samples per channel the encoder tries the paths on (fewer for many channels: at most 2^20 in all). */
    static final int TRIAL_SAMPLES = 1 << 20;

    /** Reads all of {@code in}. */
    public static Survey of(RecordingReader in) throws IOException {
        long[] h = new long[65536];
        int channels = in.channels();
        int n = Math.max(1, (1 << 16) / channels);
        short[] block = new short[n * channels];
        int want = (int) Math.min(in.samplesPerChannel(), Math.max(1, Math.min(TRIAL_SAMPLES, (1 << 20) / channels)));
        short[] prefix = new short[want * channels];
        int have = 0;
        for (long left = in.samplesPerChannel(); left > 0; ) {
            int k = (int) Math.min(n, left);
            in.read(block, k);
            for (int i = 0; i < k * channels; i++) {
                h[block[i] + 32768]++;
            }
            int take = Math.min(k, want - have);
            System.arraycopy(block, 0, prefix, have * channels, take * channels);
            have += take;
            left -= k;
        }
        return new Survey(h, prefix, channels, in.samplesPerChannel());
    }

    int prefixSamples() {
        return prefix.length / channels;
    }

    short[] channel(int c) {
        short[] x = new short[prefixSamples()];
        for (int i = 0; i < x.length; i++) {
            x[i] = prefix[i * channels + c];
        }
        return x;
    }

    /** Every channel's first samples, one array a channel. */
    short[][] channelsOf() {
        short[][] x = new short[channels][];
        for (int c = 0; c < channels; c++) {
            x[c] = channel(c);
        }
        return x;
    }

    /** This survey cut to its first {@code n} samples per channel (itself when it holds no more). */
    Survey first(int n) {
        if (n >= prefixSamples()) {
            return this;
        }
        return new Survey(histogram, java.util.Arrays.copyOf(prefix, n * channels), channels, samplesPerChannel);
    }
}
