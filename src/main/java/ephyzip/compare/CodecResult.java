package ephyzip.compare;

/**
 * Totals of one codec over a directory. {@code ratio} = input / (payload + model);
 * {@code bitsPerSample} = 8 (payload + model) / samples: the model is paid for once.
 */
public record CodecResult(String codec, int files, long inputBytes, long payloadBytes, long modelBytes,
                          long samples, boolean roundTripOk) {
    public double ratio() {
        return (double) inputBytes / (payloadBytes + modelBytes);
    }

    public double bitsPerSample() {
        return samples == 0 ? 0 : 8.0 * (payloadBytes + modelBytes) / samples;
    }

    public String toJson() {
        return String.format(java.util.Locale.ROOT,
                "{\"codec\": \"%s\", \"files\": %d, \"inputBytes\": %d, \"payloadBytes\": %d, \"modelBytes\": %d, "
                        + "\"ratio\": %.4f, \"bitsPerSample\": %.4f, \"roundTripOk\": %s}",
                codec, files, inputBytes, payloadBytes, modelBytes, ratio(), bitsPerSample(), roundTripOk);
    }
}
