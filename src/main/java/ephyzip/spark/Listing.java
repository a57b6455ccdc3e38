package ephyzip.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** The work of a job: paths under its input, relative to it, in name order. */
final class Listing {
    private Listing() {
    }

    /**
     * For encode and verify, the recordings the CLI reads by themselves (WAV files, SpikeGLX
     * {@code .bin} files, Open Ephys {@code continuous.dat} files); for decode, {@code .ezp} streams.
     * With {@code flat}, other {@code .dat} files too (a layout was given). Sidecars and the job's
     * own summary are not work.
     */
    static List<String> recordings(FileSystem fs, Path root, ArchiveJob.Mode mode, boolean flat) throws IOException {
        List<String> out = new ArrayList<>();
        String base = fs.makeQualified(root).toUri().getPath();
        if (!base.endsWith("/")) {
            base += "/";
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (!f.isFile()) {
                continue;
            }
            String path = f.getPath().toUri().getPath();
            String rel = path.startsWith(base) ? path.substring(base.length()) : f.getPath().getName();
            String name = f.getPath().getName().toLowerCase(Locale.ROOT);
            boolean take = mode == ArchiveJob.Mode.DECODE ? name.endsWith(".ezp")
                    : name.endsWith(".wav") || name.endsWith(".bin") || name.equals("continuous.dat")
                    || (flat && name.endsWith(".dat"));
            if (take && !name.startsWith("_") && !name.startsWith(".")) {
                out.add(rel);
            }
        }
        out.sort(null);
        return out;
    }
}
