package ephyzip.compare;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/** General-purpose and audio compressors people use today, at their strongest common settings. */
public final class Baselines {
    private Baselines() {
    }

    /** deflate, bzip2 and xz through Java libraries. */
    public static List<Contender> libraries() {
        return List.of(
                stream("deflate-9", o -> new DeflaterOutputStream(o, new Deflater(9)), InflaterInputStream::new),
                stream("bzip2-9", o -> new BZip2CompressorOutputStream(o, 9), BZip2CompressorInputStream::new),
                // A shared array cache spares allocating xz -9's 64 MiB dictionary for every file.
                stream("xz-9", o -> new XZOutputStream(o, new LZMA2Options(9), BasicArrayCache.getInstance()),
                        i -> new XZInputStream(i, BasicArrayCache.getInstance())));
    }

    /**
     * sac (the strongest lossless audio codec we know, 16-bit WAV only) at {@code --normal}, run
     * from {@code sac}; null when that is not an executable file.
     */
    public static Contender sac(Path sac) {
        if (sac == null || !Files.isExecutable(sac)) {
            return null;
        }
        String exe = sac.toAbsolutePath().toString();
        return new ToolContender("sac-normal", ".wav", ".sac", List.of(exe, "--encode", "--normal", "{in}", "{out}"),
                List.of(exe, "--decode", "{in}", "{out}"));
    }

    /** FLAC and WavPack when their command-line tools are on PATH; {@code notes} hears of those that are not. */
    public static List<Contender> tools(List<String> notes) {
        List<Contender> out = new ArrayList<>();
        if (onPath("flac")) {
            out.add(new ToolContender("flac-8", ".wav", ".flac",
                    List.of("flac", "-8", "--silent", "--force", "-o", "{out}", "{in}"),
                    List.of("flac", "-d", "--silent", "--force", "-o", "{out}", "{in}")));
        } else {
            notes.add("flac not on PATH: FLAC skipped");
        }
        if (onPath("wavpack") && onPath("wvunpack")) {
            out.add(new ToolContender("wavpack-hhx6", ".wav", ".wv",
                    List.of("wavpack", "-hh", "-x6", "-q", "-y", "{in}", "-o", "{out}"),
                    List.of("wvunpack", "-q", "-y", "{in}", "-o", "{out}")));
        } else {
            notes.add("wavpack not on PATH: WavPack skipped");
        }
        return out;
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    interface OutWrap {
        OutputStream apply(OutputStream o) throws IOException;
    }

    interface InWrap {
        InputStream apply(InputStream i) throws IOException;
    }

    private static Contender stream(String name, OutWrap out, InWrap in) {
        return new Contender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long modelBytes() {
                return 0;
            }

            @Override
            public FileResult run(byte[] file, int samples) throws IOException {
                long t0 = System.nanoTime();
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                try (OutputStream o = out.apply(b)) {
                    o.write(file);
                }
                byte[] packed = b.toByteArray();
                long t1 = System.nanoTime();
                byte[] back;
                try (InputStream i = in.apply(new ByteArrayInputStream(packed))) {
                    back = i.readAllBytes();
                }
                long t2 = System.nanoTime();
                return new FileResult(file.length, packed.length, samples, Arrays.equals(back, file), t1 - t0,
                        t2 - t1, null);
            }
        };
    }
}
