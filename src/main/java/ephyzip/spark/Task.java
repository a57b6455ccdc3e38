package ephyzip.spark;

import ephyzip.Codec;
import ephyzip.format.Inputs;
import ephyzip.io.BadInputException;
import ephyzip.io.DurableFile;
import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;

/**
 * One recording's work on an executor: encode, decode or verify it exactly as the CLI does, and
 * say how it went. Outputs are written under a temporary name and renamed when whole.
 */
final class Task implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Models parsed on this executor, by broadcast id: each is parsed once per executor JVM. */
    private static final Map<Long, ModelFile> MODELS = new ConcurrentHashMap<>();

    private final ArchiveJob.Mode mode;
    private final String in;
    private final String out;
    private final CoderKind coder;
    private final Broadcast<byte[]> model;
    private final Map<String, String> hadoop;
    /** A flat file's layout for .dat files other than continuous.dat (0 channels: none given). */
    private final int flatChannels;
    private final double flatRate;

    Task(ArchiveJob.Mode mode, String in, String out, CoderKind coder, Broadcast<byte[]> model,
         Map<String, String> hadoop, int flatChannels, double flatRate) {
        this.flatChannels = flatChannels;
        this.flatRate = flatRate;
        this.mode = mode;
        this.in = in;
        this.out = out;
        this.coder = coder;
        this.model = model;
        this.hadoop = new java.util.HashMap<>(hadoop);
    }

    /** How one recording went: its bytes in and out, or why it failed. */
    record Result(String path, long inputBytes, long outputBytes, String failure) implements Serializable {
    }

    Result run(String rel) {
        try {
            Codec codec = new Codec(MODELS.computeIfAbsent(model.id(), id -> parse(model.value())));
            FileSystem inFs = ArchiveJob.fileSystem(java.net.URI.create(in), hadoop);
            FileSystem outFs = ArchiveJob.fileSystem(java.net.URI.create(out), hadoop);
            Path src = new Path(new Path(in), rel);
            long inBytes = inFs.getFileStatus(src).getLen();
            return switch (mode) {
                case ENCODE -> {
                    Path dst = new Path(new Path(out), rel + ".ezp");
                    long n = write(outFs, dst, o -> encode(codec, inFs, src, rel, o));
                    yield new Result(rel, inBytes, n, null);
                }
                case DECODE -> {
                    Path dst = new Path(new Path(out), rel.substring(0, rel.length() - ".ezp".length()));
                    long n;
                    try (InputStream s = inFs.open(src)) {
                        n = write(outFs, dst, o -> codec.decode(s, o));
                    }
                    yield new Result(rel, inBytes, n, null);
                }
                case VERIFY -> {
                    Path encoded = new Path(new Path(out), rel + ".ezp");
                    long encodedBytes = outFs.getFileStatus(encoded).getLen();
                    try (InputStream original = inFs.open(src); InputStream stream = outFs.open(encoded)) {
                        Comparing cmp = new Comparing(original);
                        codec.decode(stream, cmp);
                        cmp.finish();
                    }
                    yield new Result(rel, inBytes, encodedBytes, null);
                }
            };
        } catch (BadInputException | IOException | RuntimeException e) {
            String why = e instanceof BadInputException ? e.getMessage() : e.toString();
            return new Result(rel, 0, 0, why);
        }
    }

    private static ModelFile parse(byte[] bytes) {
        try {
            return ModelFile.parse("model", bytes);
        } catch (BadInputException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Writer {
        void write(OutputStream o) throws IOException, BadInputException;
    }

    /**
     * Writes {@code dst} under a temporary name, renames it when whole; returns its size. On a local
     * file system the write is durable as the CLI's ({@link DurableFile}: forced to disk before the
     * rename, the directory after it); elsewhere the data are hsync'ed before the rename, and the
     * file system's own log makes the rename durable (HDFS).
     */
    private static long write(FileSystem fs, Path dst, Writer w) throws IOException, BadInputException {
        if ("file".equals(fs.getScheme())) {
            java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(dst).toUri());
            try {
                DurableFile.write(local, o -> w.write(o));
            } catch (IOException | BadInputException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
            // Hadoop's checksum file of an earlier write would no longer match the new bytes
            Files.deleteIfExists(local.resolveSibling("." + local.getFileName() + ".crc"));
            return Files.size(local);
        }
        Path tmp = new Path(dst.getParent(), "." + dst.getName() + ".tmp-" + Long.toHexString(System.nanoTime()));
        boolean done = false;
        try {
            try (org.apache.hadoop.fs.FSDataOutputStream f = fs.create(tmp, true)) {
                OutputStream o = new java.io.BufferedOutputStream(f, 1 << 16);
                w.write(o);
                o.flush();
                f.hsync();
            }
            fs.delete(dst, false);
            if (!fs.rename(tmp, dst)) {
                throw new IOException("cannot rename " + tmp + " to " + dst);
            }
            done = true;
            return fs.getFileStatus(dst).getLen();
        } finally {
            if (!done) {
                fs.delete(tmp, false);
            }
        }
    }

    /**
     * Encodes as the CLI does. The codec reads local files with their sidecars, so the recording
     * and its sidecars are copied to a local folder of the same layout first.
     */
    private void encode(Codec codec, FileSystem fs, Path src, String rel, OutputStream o)
            throws IOException, BadInputException {
        java.nio.file.Path dir = Files.createTempDirectory("ephyzip-task");
        try {
            String name = src.getName();
            java.nio.file.Path local;
            if (name.toLowerCase().endsWith(".bin")) {
                local = dir.resolve(name);
                copy(fs, src, local);
                Path meta = new Path(src.getParent(), name.substring(0, name.length() - 4) + ".meta");
                if (fs.exists(meta)) {
                    copy(fs, meta, dir.resolve(meta.getName()));
                }
            } else if (name.equals("continuous.dat")) {
                Path stream = src.getParent();
                Path recording = stream.getParent() == null ? null : stream.getParent().getParent();
                local = dir.resolve("recording/continuous").resolve(stream.getName()).resolve(name);
                Files.createDirectories(local.getParent());
                copy(fs, src, local);
                if (recording != null && fs.exists(new Path(recording, "structure.oebin"))) {
                    copy(fs, new Path(recording, "structure.oebin"), dir.resolve("recording/structure.oebin"));
                }
            } else {
                local = dir.resolve(name);
                copy(fs, src, local);
            }
            boolean flat = flatChannels > 0 && name.toLowerCase().endsWith(".dat") && !name.equals("continuous.dat");
            try {
                codec.encodeFile(local, flat ? new Inputs.Layout(flatChannels, flatRate) : null, o, coder, null, null,
                        null);
            } catch (BadInputException e) {
                // name the archive's path, not the local copy's
                throw new BadInputException(e.getMessage().replace(local.toString(), rel));
            }
        } finally {
            try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
                for (java.nio.file.Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void copy(FileSystem fs, Path src, java.nio.file.Path dst) throws IOException {
        try (InputStream s = fs.open(src)) {
            Files.copy(s, dst);
        }
    }

    /** An output that compares what is written with an original, byte for byte, writing nothing. */
    private static final class Comparing extends OutputStream {
        private final InputStream original;
        private final byte[] buf = new byte[1 << 16];
        private long offset;

        Comparing(InputStream original) {
            this.original = new java.io.BufferedInputStream(original, 1 << 16);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = original.readNBytes(buf, 0, Math.min(len, buf.length));
                for (int i = 0; i < n; i++) {
                    if (buf[i] != b[off + i]) {
                        throw new IOException("differs from the original at byte " + (offset + i));
                    }
                }
                if (n < Math.min(len, buf.length)) {
                    throw new IOException("the decoded recording is longer than the original (" + (offset + n)
                            + " bytes)");
                }
                offset += n;
                off += n;
                len -= n;
            }
        }

        void finish() throws IOException {
            if (original.read() >= 0) {
                throw new IOException("the decoded recording ends at byte " + offset + ", before the original");
            }
        }
    }
}
