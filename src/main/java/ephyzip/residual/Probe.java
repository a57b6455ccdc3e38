package ephyzip.residual;

import ephyzip.coding.BinaryDecoder;
import ephyzip.coding.BinaryEncoder;
import ephyzip.format.WavFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Prototype measurement: bits a sample of the residual path on each folder's WAVs. */
public final class Probe {
    public static byte[] encode(short[] x) {
        byte[] best = null;
        for (int q = 0; q < ResidualChannel.PRESETS; q++) {
            if (PRESET >= 0 && q != PRESET) continue;
            BinaryEncoder enc = new BinaryEncoder();
            new ResidualChannel(q).encode(enc, x, x.length);
            byte[] b = enc.finish();
            if (best == null || b.length < best.length) { best = b; BEST = q; }
        }
        return best;
    }

    static int PRESET = Integer.getInteger("preset", -1), BEST;
    public static short[] decode(byte[] b, int n) {
        short[] x = new short[n];
        new ResidualChannel(BEST).decode(new BinaryDecoder(b, 0, b.length), x, n);
        return x;
    }

    public static void main(String[] args) throws Exception {
        boolean check = System.getProperty("check") != null;
        double sumBits = 0;
        int folders = 0;
        long t0 = System.nanoTime();
        long samples = 0;
        for (String a : args) {
            if (a.contains("=")) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.list(Path.of(a))) {
                s.filter(p -> p.toString().endsWith(".wav")).sorted().forEach(files::add);
            }
            long bytes = 0;
            long n = 0;
            for (Path f : files) {
                WavFile w = WavFile.parse(f.toString(), Files.readAllBytes(f));
                short[] x = w.samples();
                byte[] e = encode(x);
                if (check) {
                    short[] y = decode(e, x.length);
                    if (!java.util.Arrays.equals(x, y)) {
                        throw new IllegalStateException("mismatch " + f);
                    }
                }
                bytes += e.length;
                n += x.length;
            }
            samples += n;
            double bps = 8.0 * bytes / n;
            sumBits += bps;
            folders++;
            double h = 0;
            System.out.printf("%-22s %.4f bits  ratio %.3f%n", Path.of(a).getFileName(), bps, 16 / bps);
        }
        System.out.printf("mean %.4f bits, %.0f samples/s%n", sumBits / folders, samples / ((System.nanoTime() - t0) / 1e9));
    }
}
