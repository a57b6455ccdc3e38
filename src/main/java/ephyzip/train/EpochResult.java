package ephyzip.train;

import java.util.Locale;

/** What one training epoch achieved, measured with the exported integer network on held-out files. */
public record EpochResult(int epoch, double trainLoss, double heldOutBits, double top1, double top16,
                          double top128, double seconds) {
    public String toJson() {
        return String.format(Locale.ROOT, "{\"epoch\": %d, \"trainLossBits\": %.5f, \"heldOutBitsPerSample\": %.5f, "
                        + "\"top1\": %.5f, \"top16\": %.5f, \"top128\": %.5f, \"seconds\": %.1f}",
                epoch, trainLoss, heldOutBits, top1, top16, top128, seconds);
    }

    static EpochResult parse(String json) {
        return new EpochResult(
                (int) num(json, "epoch"), num(json, "trainLossBits"), num(json, "heldOutBitsPerSample"),
                num(json, "top1"), num(json, "top16"), num(json, "top128"), num(json, "seconds"));
    }

    private static double num(String json, String key) {
        int i = json.indexOf("\"" + key + "\":");
        int start = i + key.length() + 3;
        int end = start;
        while (end < json.length() && "-+.0123456789eE ".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(json.substring(start, end).trim());
    }
}
