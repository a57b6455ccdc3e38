package ephyzip.coding;

import java.util.Arrays;

/**
 * Decoded samples, grown as they come rather than allocated from the count a stream declares, so
 * a damaged count costs no more memory than the payload can actually produce.
 */
final class SampleBuffer {
    private static final int FIRST = 1 << 16;
    private short[] samples;
    private int size;

    SampleBuffer(int expected) {
        samples = new short[Math.min(expected, FIRST)];
    }

    void add(short s) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, Math.max(FIRST, samples.length * 2));
        }
        samples[size++] = s;
    }

    short[] toArray() {
        return size == samples.length ? samples : Arrays.copyOf(samples, size);
    }
}
