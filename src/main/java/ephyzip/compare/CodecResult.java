package ephyzip.compare;

import ephyzip.coding.RankTier;
import ephyzip.predict.RankStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Totals of one codec over a set of recordings. {@code ratio} = input / (payload + model);
 * {@code bitsPerSample} = 8 (payload + model) / samples: the model is paid for once. Rank
 * statistics are present for rank coder modes only. Throughput is per thread (one core).
 */
public final class CodecResult {
    private final String codec;
    private final String modelKind;
    private final long modelBytes;
    private final boolean ranks;
    private int files;
    private long inputBytes;
    private long payloadBytes;
    private long samples;
    private boolean roundTripOk = true;
    private long encodeNanos;
    private long decodeNanos;
    private final long[] rankHistogram = new long[RankStats.RANKS + 1];
    private final long[] tiers = new long[RankTier.values().length];
    private long ranked;
    private long fallbacks;
    private final List<Double> fileRatios = new ArrayList<>();

    CodecResult(String codec, String modelKind, long modelBytes, boolean ranks) {
        this.codec = codec;
        this.modelKind = modelKind;
        this.modelBytes = modelBytes;
        this.ranks = ranks;
    }

    void add(FileResult r) {
        files++;
        inputBytes += r.inputBytes();
        payloadBytes += r.outputBytes();
        samples += r.samples();
        roundTripOk &= r.roundTripOk();
        encodeNanos += r.encodeNanos();
        decodeNanos += r.decodeNanos();
        fileRatios.add(r.inputBytes() / (double) r.outputBytes());
        RankStats s = r.stats();
        if (s != null) {
            for (int i = 0; i < rankHistogram.length; i++) {
                rankHistogram[i] += s.rankHistogram[i];
            }
            for (int i = 0; i < tiers.length; i++) {
                tiers[i] += s.tiers[i];
            }
            tiers[RankTier.ESCAPE.ordinal()] += r.samples() - s.ranked;
            ranked += s.ranked;
            fallbacks += s.fallbacks;
        }
    }

    public String codec() {
        return codec;
    }

    /** The kind of ephyzip model ("cnn", "bigram"), or null for other codecs. */
    public String modelKind() {
        return modelKind;
    }

    public int files() {
        return files;
    }

    public long inputBytes() {
        return inputBytes;
    }

    public long payloadBytes() {
        return payloadBytes;
    }

    public long modelBytes() {
        return modelBytes;
    }

    public long samples() {
        return samples;
    }

    public boolean roundTripOk() {
        return roundTripOk;
    }

    public boolean hasRanks() {
        return ranks;
    }

    public double ratio() {
        return (double) inputBytes / (payloadBytes + modelBytes);
    }

    public double payloadRatio() {
        return (double) inputBytes / payloadBytes;
    }

    public double bitsPerSample() {
        return samples == 0 ? 0 : 8.0 * (payloadBytes + modelBytes) / samples;
    }

    /** Share of samples whose rank is below {@code k} (escapes count as misses). */
    public double hitRate(int k) {
        long hits = 0;
        for (int r = 0; r < k && r < rankHistogram.length - 1; r++) {
            hits += rankHistogram[r];
        }
        return samples == 0 ? 0 : hits / (double) samples;
    }

    public double tierShare(RankTier t) {
        return samples == 0 ? 0 : tiers[t.ordinal()] / (double) samples;
    }

    /** Share of ranked samples for which a network model fell back to bigram ranks. */
    public double fallbackRate() {
        return ranked == 0 ? 0 : fallbacks / (double) ranked;
    }

    /** Fraction of samples at each rank 0..RANKS-1, then at RANKS or more. */
    public double[] rankDistribution() {
        double[] d = new double[rankHistogram.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = samples == 0 ? 0 : rankHistogram[i] / (double) samples;
        }
        return d;
    }

    public List<Double> fileRatios() {
        return List.copyOf(fileRatios);
    }

    public double encodeSamplesPerSecond() {
        return encodeNanos == 0 ? 0 : samples / (encodeNanos / 1e9);
    }

    public double decodeSamplesPerSecond() {
        return decodeNanos == 0 ? 0 : samples / (decodeNanos / 1e9);
    }

    /** Column names of {@link #values()}, for CSV and JSON. */
    public static final List<String> FIELDS = List.of("codec", "modelKind", "files", "inputBytes", "payloadBytes", "modelBytes",
            "ratio", "payloadRatio", "bitsPerSample", "top1", "top16", "top128", "tier0", "tier4", "tier7",
            "tier10", "tierEscape", "fallbackRate", "encodeSamplesPerSecond", "decodeSamplesPerSecond",
            "roundTripOk");

    /** The values of {@link #FIELDS}, as JSON literals; rank fields are null for other codecs. */
    public List<String> values() {
        List<String> v = new ArrayList<>(List.of("\"" + codec + "\"",
                modelKind == null ? "null" : "\"" + modelKind + "\"", Integer.toString(files),
                Long.toString(inputBytes), Long.toString(payloadBytes), Long.toString(modelBytes), num(ratio()),
                num(payloadRatio()), num(bitsPerSample())));
        if (ranks) {
            for (double d : new double[] {hitRate(1), hitRate(16), hitRate(128)}) {
                v.add(num(d));
            }
            for (RankTier t : RankTier.values()) {
                v.add(num(tierShare(t)));
            }
            v.add(num(fallbackRate()));
        } else {
            for (int i = 0; i < 9; i++) {
                v.add("null");
            }
        }
        v.add(String.format(Locale.ROOT, "%.0f", encodeSamplesPerSecond()));
        v.add(String.format(Locale.ROOT, "%.0f", decodeSamplesPerSecond()));
        v.add(Boolean.toString(roundTripOk));
        return v;
    }

    public String toJson() {
        List<String> v = values();
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < FIELDS.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(FIELDS.get(i)).append("\": ").append(v.get(i));
        }
        return sb.append('}').toString();
    }

    public String toCsv() {
        List<String> v = new ArrayList<>(values());
        v.replaceAll(s -> s.equals("null") ? "" : s.replace("\"", ""));
        return String.join(",", v);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.5f", d);
    }
}
