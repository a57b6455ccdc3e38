package ephyzip.bench;

import ephyzip.compare.Comparison;
import ephyzip.format.Recordings;
import ephyzip.format.WavFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds long or many-channel recordings out of short ones, for testing memory bounds and ratio:
 * channel {@code c} plays the source recordings one after another starting at the {@code c}-th,
 * until it has the samples asked for. Writes as it goes, so the result may be far larger than
 * memory.
 *
 * <pre>java -cp ... ephyzip.bench.Splice OUT.wav CHANNELS SAMPLES_PER_CHANNEL FILES_OR_DIRS...</pre>
 */
public final class Splice {
    private static final int BLOCK = 4096;

    private Splice() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: Splice OUT.wav CHANNELS SAMPLES_PER_CHANNEL FILES_OR_DIRS...");
            System.exit(2);
        }
        List<Path> items = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            items.add(Path.of(args[i]));
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]), Recordings.list(items));
    }

    /** Writes the spliced recording to {@code out}; the sources must be mono. */
    public static void write(Path out, int channels, long samplesPerChannel, List<Path> sources) throws Exception {
        Channel[] ch = new Channel[channels];
        for (int c = 0; c < channels; c++) {
            ch[c] = new Channel(sources, c % sources.size());
        }
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            o.write(WavFile.canonicalHeader(Comparison.IMPLANT_RATE, channels, samplesPerChannel * 2 * channels));
            byte[] block = new byte[BLOCK * channels * 2];
            for (long done = 0; done < samplesPerChannel; ) {
                int n = (int) Math.min(BLOCK, samplesPerChannel - done);
                for (int i = 0, k = 0; i < n; i++) {
                    for (Channel c : ch) {
                        short s = c.next();
                        block[k++] = (byte) s;
                        block[k++] = (byte) (s >> 8);
                    }
                }
                o.write(block, 0, n * channels * 2);
                done += n;
            }
        }
    }

    /** One channel's walk through the sources. */
    private static final class Channel {
        private final List<Path> sources;
        private int next;
        private short[] current = new short[0];
        private int pos;

        Channel(List<Path> sources, int first) {
            this.sources = sources;
            this.next = first;
        }

        short next() throws Exception {
            while (pos == current.length) {
                WavFile w = Recordings.read(sources.get(next));
                if (w.channels() != 1) {
                    throw new IOException(sources.get(next) + ": sources must be mono");
                }
                current = w.samples();
                pos = 0;
                next = (next + 1) % sources.size();
            }
            return current[pos++];
        }
    }
}
