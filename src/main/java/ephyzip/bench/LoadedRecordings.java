package ephyzip.bench;

import ephyzip.format.Recordings;
import ephyzip.format.WavFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recordings a benchmark runs on, read once: their files' bytes, parsed, and the sample
 * count over all of them.
 */
record LoadedRecordings(List<Path> paths, List<byte[]> bytes, List<WavFile> wavs, long samples, long wavBytes) {

    /** Every recording of {@code items} (WAV files, directories or .txt lists). */
    static LoadedRecordings read(List<Path> items) throws Exception {
        List<Path> paths = Recordings.list(items);
        List<byte[]> bytes = new ArrayList<>();
        List<WavFile> wavs = new ArrayList<>();
        long samples = 0;
        long wavBytes = 0;
        for (Path p : paths) {
            byte[] b = Files.readAllBytes(p);
            WavFile w = WavFile.parse(p.toString(), b);
            bytes.add(b);
            wavs.add(w);
            samples += w.sampleCount();
            wavBytes += b.length;
        }
        return new LoadedRecordings(paths, bytes, wavs, samples, wavBytes);
    }
}
