package ephyzip.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output stream that compares what is written to it with a file, byte by byte, and remembers
 * the first offset where they differ: a decode compared with the original without writing it.
 */
final class SameBytes extends OutputStream {
    private final InputStream original;
    private final byte[] buf = new byte[1 << 16];
    private long offset;
    private long firstDifference = -1;

    SameBytes(Path original) throws IOException {
        this.original = new BufferedInputStream(Files.newInputStream(original), 1 << 16);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int done = 0; done < len; ) {
            int want = Math.min(len - done, buf.length);
            int n = original.readNBytes(buf, 0, want);
            if (firstDifference < 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] != b[off + done + i]) {
                        firstDifference = offset + i;
                        break;
                    }
                }
                if (n < want && firstDifference < 0) {
                    firstDifference = offset + n; // the decoded bytes go on past the original's end
                }
            }
            offset += want;
            done += want;
        }
    }

    /**
     * Null if the bytes written were the whole original, else where they part. Call once, after
     * the last write.
     */
    String difference() throws IOException {
        if (firstDifference >= 0) {
            return "the decoded bytes differ from the original's from byte " + firstDifference;
        }
        long rest = 0;
        for (int n; (n = original.read(buf)) > 0; ) {
            rest += n;
        }
        return rest > 0 ? "the decoded bytes end " + rest + " bytes before the original's end" : null;
    }

    @Override
    public void close() throws IOException {
        original.close();
    }
}
