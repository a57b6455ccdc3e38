package ephyzip.cli;

import java.io.PrintWriter;

/** A one-line progress bar with an ETA, drawn on stderr only when it is a terminal. */
final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final String label;
    private long total;
    private boolean enabled;
    private final boolean wanted;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastDraw;

    Progress(PrintWriter err, String label, long total) {
        this(err, label, total, System.console() != null);
    }

    Progress(PrintWriter err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.wanted = enabled;
        total(total);
    }

    /** Sets the total once it is known (a file's sample count once its header is read). */
    synchronized void total(long total) {
        this.total = total;
        this.enabled = wanted && total > 1;
    }

    synchronized void step(long n) {
        done += n;
        long now = System.nanoTime();
        if (enabled && (now - lastDraw > 100_000_000L || done == total)) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        double elapsed = (now - startNanos) / 1e9;
        double eta = done == 0 ? 0 : elapsed * (total - done) / done;
        err.printf("\r%s [%s%s] %d/%d  %s elapsed, ETA %s ", label, "#".repeat(filled), " ".repeat(width - filled),
                done, total, time(elapsed), time(eta));
        err.flush();
    }

    private static String time(double s) {
        return s < 60 ? String.format("%.0fs", s) : String.format("%dm%02ds", (int) s / 60, (int) s % 60);
    }

    @Override
    public void close() {
        if (enabled) {
            err.println();
            err.flush();
        }
    }
}
