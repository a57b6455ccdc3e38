package ephyzip.compare;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The payload ratio of every codec on each of several sources, and on all of them together. */
public final class SourceTable {
    private SourceTable() {
    }

    /** Payload ratios per source (rows) and codec (columns), and over all sources together. */
    public static void print(PrintWriter o, Map<Path, List<CodecResult>> bySource) {
        List<String> codecs = new ArrayList<>();
        bySource.values().forEach(rs -> rs.forEach(r -> {
            if (!codecs.contains(r.codec())) {
                codecs.add(r.codec());
            }
        }));
        o.println("payload ratio (input / payload) per source:");
        o.printf("%-28s", "source");
        codecs.forEach(c -> o.printf(Locale.ROOT, " %14s", c));
        o.println();
        long[] in = new long[codecs.size()];
        long[] out = new long[codecs.size()];
        for (var e : bySource.entrySet()) {
            Path name = e.getKey().getFileName();
            o.printf("%-28s", name == null ? e.getKey() : name);
            for (int i = 0; i < codecs.size(); i++) {
                CodecResult r = find(e.getValue(), codecs.get(i));
                if (r == null || !r.roundTripOk()) {
                    o.printf(" %14s", r == null ? "-" : "failed");
                    continue;
                }
                in[i] += r.inputBytes();
                out[i] += r.payloadBytes();
                o.printf(Locale.ROOT, " %14.3f", r.payloadRatio());
            }
            o.println();
        }
        o.printf("%-28s", "all sources");
        for (int i = 0; i < codecs.size(); i++) {
            o.printf(Locale.ROOT, " %14s", out[i] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) in[i] / out[i]));
        }
        o.println();
        o.flush();
    }

    private static CodecResult find(List<CodecResult> results, String codec) {
        for (CodecResult r : results) {
            if (r.codec().equals(codec)) {
                return r;
            }
        }
        return null;
    }
}
