package ephyzip.compare;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

/** General-purpose compressors people use today, at their strongest common settings. */
public final class Baselines {
    private Baselines() {
    }

    public static List<Contender> all() {
        return List.of(
                stream("deflate-9", o -> new DeflaterOutputStream(o, new Deflater(9)), InflaterInputStream::new),
                stream("bzip2-9", o -> new BZip2CompressorOutputStream(o, 9), BZip2CompressorInputStream::new),
                // A shared array cache spares allocating xz -9's 64 MiB dictionary for every file.
                stream("xz-9", o -> new XZOutputStream(o, new LZMA2Options(9), BasicArrayCache.getInstance()),
                        i -> new XZInputStream(i, BasicArrayCache.getInstance())));
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
            public byte[] compress(byte[] file) throws IOException {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                try (OutputStream o = out.apply(b)) {
                    o.write(file);
                }
                return b.toByteArray();
            }

            @Override
            public byte[] decompress(byte[] compressed) throws IOException {
                try (InputStream i = in.apply(new ByteArrayInputStream(compressed))) {
                    return i.readAllBytes();
                }
            }
        };
    }
}
