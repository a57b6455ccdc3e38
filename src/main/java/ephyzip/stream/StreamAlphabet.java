package ephyzip.stream;

import ephyzip.io.CorruptStreamException;
import ephyzip.io.Varint;
import ephyzip.model.Alphabet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a stream codes its samples in (FORMAT.md, "alphabet record"). The model's predictors
 * see tokens {@code 0..size-1}; a stream maps them to sample values by the model's own alphabet
 * (an empty record), by the model's alphabet shifted by a constant (another ADC's offset), or by
 * a list of values of its own (another scale or grid). So a recording on another grid looks to
 * the model like the recordings it was trained on. Values outside the stream's alphabet are
 * escaped as ever.
 */
public final class StreamAlphabet {
    static final byte SHIFTED = 1;
    static final byte OWN = 2;
    /** Largest alphabet record: a list of 1,024 values costs at most 2 + 1,023 * 6 bytes. */
    public static final int MAX_RECORD = 1 << 13;
    /** Escapes below this share of the samples are not worth a record of the stream's own. */
    private static final int TOLERATED_ESCAPES_PER = 1000;

    private StreamAlphabet() {
    }

    /**
     * The record of the alphabet that fits a recording best, given the histogram of its sample
     * values ({@code histogram[v + 32768]}): empty when the model's alphabet fits.
     */
    public static byte[] choose(Alphabet model, long[] histogram) {
        long total = 0;
        for (long h : histogram) {
            total += h;
        }
        long tolerated = total / TOLERATED_ESCAPES_PER;
        long modelEscapes = total - covered(model.values(), histogram);
        if (modelEscapes <= tolerated) {
            return new byte[0];
        }
        // the model's grid with another offset: try the offsets of the most frequent values
        int bestShift = 0;
        long bestShiftEscapes = modelEscapes;
        for (int v : mostFrequent(histogram, 16)) {
            int d = v - model.value(model.nearest(v));
            long esc = total - covered(shift(model, d), histogram);
            if (d != 0 && esc < bestShiftEscapes) {
                bestShift = d;
                bestShiftEscapes = esc;
            }
        }
        if (bestShiftEscapes <= tolerated) {
            return shifted(bestShift);
        }
        short[] own = own(model, histogram);
        long ownEscapes = total - covered(own, histogram);
        byte[] ownRecord = list(own);
        // an escape costs about 2 bytes more than a coded sample
        long ownCost = 2 * ownEscapes + ownRecord.length;
        long shiftCost = 2 * bestShiftEscapes + 4;
        if (ownCost < Math.min(shiftCost, 2 * modelEscapes)) {
            return ownRecord;
        }
        return shiftCost < 2 * modelEscapes ? shifted(bestShift) : new byte[0];
    }

    /** Share of a histogram's samples that {@code a}'s alphabet would escape, 0..1. */
    public static double escapeShare(Alphabet a, long[] histogram) {
        long total = 0;
        for (long h : histogram) {
            total += h;
        }
        return total == 0 ? 0 : (total - covered(a.values(), histogram)) / (double) total;
    }

    /** The alphabet a record stands for; {@code at}: the record's offset in the stream, for errors. */
    public static Alphabet read(byte[] record, Alphabet model, long at) throws CorruptStreamException {
        if (record.length == 0) {
            return model;
        }
        ByteArrayInputStream in = new ByteArrayInputStream(record, 1, record.length - 1);
        int size = model.size();
        short[] values = new short[size];
        try {
            switch (record[0]) {
                case SHIFTED -> {
                    long d = unzigzag(Varint.read(in, 10, at + 1, "alphabet shift"));
                    if (Math.abs(d) > 65535) {
                        throw new CorruptStreamException("alphabet shift " + d + " leaves 16 bits", at);
                    }
                    short[] shifted = shift(model, (int) d);
                    System.arraycopy(shifted, 0, values, 0, size);
                }
                case OWN -> {
                    long v = unzigzag(Varint.read(in, 10, at + 1, "alphabet value"));
                    int t = 0;
                    while (t < size) {
                        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                            throw new CorruptStreamException("alphabet value " + v + " leaves 16 bits", at);
                        }
                        values[t++] = (short) v;
                        if (t == size) {
                            break;
                        }
                        long gap = Varint.read(in, 3, at, "alphabet gap");
                        long run = Varint.read(in, 2, at, "alphabet run");
                        if (gap < 1 || run < 1 || run > size - t) {
                            throw new CorruptStreamException("alphabet record is damaged", at);
                        }
                        for (long k = 1; k < run; k++) {
                            v += gap;
                            if (v > Short.MAX_VALUE) {
                                throw new CorruptStreamException("alphabet value " + v + " leaves 16 bits", at);
                            }
                            values[t++] = (short) v;
                        }
                        v += gap;
                    }
                }
                default -> throw new CorruptStreamException("unknown alphabet record kind " + record[0], at);
            }
            if (in.available() != 0) {
                throw new CorruptStreamException("alphabet record has bytes to spare", at);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory: cannot happen
        }
        return new Alphabet(values);
    }

    /**
     * The model's values plus {@code d}, kept inside 16 bits and strictly increasing: values that
     * would pass a limit take the nearest free ones inside it (only the last few tokens of a grid
     * that already reaches the limit).
     */
    static short[] shift(Alphabet model, int d) {
        int size = model.size();
        int[] v = new int[size];
        for (int t = 0; t < size; t++) {
            v[t] = Math.max(model.value(t) + d, t == 0 ? Short.MIN_VALUE : v[t - 1] + 1);
        }
        short[] out = new short[size];
        for (int t = size - 1, next = Short.MAX_VALUE + 1; t >= 0; t--) {
            next = Math.min(v[t], next - 1);
            out[t] = (short) next;
        }
        return out;
    }

    /** Samples of a histogram whose values are among {@code values}. */
    private static long covered(short[] values, long[] histogram) {
        long c = 0;
        for (short v : values) {
            c += histogram[v + 32768];
        }
        return c;
    }

    private static List<Integer> mostFrequent(long[] histogram, int n) {
        List<Integer> top = new ArrayList<>();
        boolean[] taken = new boolean[histogram.length];
        for (int k = 0; k < n; k++) {
            int best = -1;
            for (int i = 0; i < histogram.length; i++) {
                if (!taken[i] && histogram[i] > 0 && (best < 0 || histogram[i] > histogram[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            top.add(best - 32768);
        }
        return top;
    }

    /**
     * The recording's own values as an alphabet of the model's size: all of them, padded with
     * neighbours by steps of 1 and placed so that the recording's median lands on the model's
     * token for 0 (where a model's recordings rest); or, when there are more than the model has
     * tokens, the run of consecutive values that holds the most samples.
     */
    static short[] own(Alphabet model, long[] histogram) {
        int size = model.size();
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] > 0) {
                used.add(i - 32768);
            }
        }
        short[] out = new short[size];
        if (used.size() >= size) {
            long sum = 0;
            long best = -1;
            int bestStart = 0;
            for (int i = 0; i < used.size(); i++) {
                sum += histogram[used.get(i) + 32768];
                if (i >= size) {
                    sum -= histogram[used.get(i - size) + 32768];
                }
                if (i >= size - 1 && sum > best) {
                    best = sum;
                    bestStart = i - size + 1;
                }
            }
            for (int t = 0; t < size; t++) {
                out[t] = (short) (int) used.get(bestStart + t);
            }
            return out;
        }
        long total = 0;
        for (int v : used) {
            total += histogram[v + 32768];
        }
        // the anchor: the value nearest 0 when the recording is centred near 0 (signed data), else
        // its median (offset binary data)
        int median = 0;
        for (long seen = 0; median < used.size(); median++) {
            seen += histogram[used.get(median) + 32768];
            if (2 * seen >= total) {
                break;
            }
        }
        int zero = 0;
        while (zero + 1 < used.size() && Math.abs(used.get(zero + 1)) <= Math.abs(used.get(zero))) {
            zero++;
        }
        if (used.get(0) < 0 && used.get(used.size() - 1) > 0) {
            median = zero;
        }
        int pads = size - used.size();
        int below = Math.max(0, Math.min(pads, model.nearest(0) - median));
        // room in 16 bits: each side can take at most the values between it and the limit
        int first = used.get(0);
        int last = used.get(used.size() - 1);
        below = Math.min(below, first - Short.MIN_VALUE);
        int above = Math.min(pads - below, Short.MAX_VALUE - last);
        below = Math.min(pads - above, first - Short.MIN_VALUE);
        java.util.TreeSet<Integer> values = new java.util.TreeSet<>(used);
        for (int k = 1; k <= below; k++) {
            values.add(first - k);
        }
        for (int k = 1; k <= above; k++) {
            values.add(last + k);
        }
        // a recording that spans the whole 16-bit range: pad in its gaps, from the bottom
        for (int v = Short.MIN_VALUE; values.size() < size; v++) {
            values.add(v);
        }
        int t = 0;
        for (int v : values) {
            out[t++] = (short) v;
        }
        return out;
    }

    private static byte[] shifted(int d) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(SHIFTED);
        write(b, zigzag(d));
        return b.toByteArray();
    }

    /** A list of increasing values: the first, then (gap, run) pairs of equal gaps. */
    static byte[] list(short[] values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(OWN);
        write(b, zigzag(values[0]));
        int t = 1;
        while (t < values.length) {
            int gap = values[t] - values[t - 1];
            int run = 1;
            while (t + run < values.length && values[t + run] - values[t + run - 1] == gap) {
                run++;
            }
            write(b, gap);
            write(b, run);
            t += run;
        }
        return b.toByteArray();
    }

    private static void write(ByteArrayOutputStream b, long v) {
        try {
            Varint.write(b, v);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
