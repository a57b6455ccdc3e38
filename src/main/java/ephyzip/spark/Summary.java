package ephyzip.spark;

import ephyzip.model.ModelFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a job did: recordings, bytes in and out, the ratio with the model's bytes counted once
 * (encode; for verify, of the streams checked), and each failure with its reason.
 */
public record Summary(String mode, int files, long inputBytes, long outputBytes, long modelBytes,
                      List<Failure> failures) {
    public record Failure(String path, String reason) {
    }

    static Summary of(ArchiveJob.Mode mode, ModelFile model, List<Task.Result> results) {
        long in = 0;
        long out = 0;
        int ok = 0;
        List<Failure> failures = new ArrayList<>();
        for (Task.Result r : results) {
            if (r.failure() != null) {
                failures.add(new Failure(r.path(), r.failure()));
            } else {
                ok++;
                in += r.inputBytes();
                out += r.outputBytes();
            }
        }
        return new Summary(mode.label, ok, in, out, model.byteCount(), List.copyOf(failures));
    }

    /** Recording bytes over stream bytes plus the model's, for encode and verify (0 if none). */
    public double ratio() {
        if (mode.equals("decode")) {
            return outputBytes == 0 ? 0 : outputBytes / (double) (inputBytes + modelBytes);
        }
        return inputBytes == 0 ? 0 : inputBytes / (double) (outputBytes + modelBytes);
    }

    public String toJson() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "{\"mode\": \"%s\", \"files\": %d, \"inputBytes\": %d, \"outputBytes\": %d,"
                + " \"modelBytes\": %d, \"ratio\": %.5f, \"failures\": [", mode, files, inputBytes, outputBytes,
                modelBytes, ratio()));
        for (int i = 0; i < failures.size(); i++) {
            Failure f = failures.get(i);
            b.append(i == 0 ? "" : ", ").append("{\"path\": \"").append(escape(f.path())).append("\", \"reason\": \"")
                    .append(escape(f.reason())).append("\"}");
        }
        return b.append("]}").toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }
}
