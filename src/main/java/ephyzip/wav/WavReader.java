package ephyzip.wav;

import ephyzip.io.BadInputException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A 16-bit PCM WAV read as a stream: its header and trailer bytes up front, then its samples in
 * blocks, so a recording of any length is read in constant memory.
 */
public final class WavReader implements Closeable {
    private static final int READ_BUFFER = 1 << 16;

    private final byte[] header;
    private final byte[] trailer;
    private final int channels;
    private final long frames;
    private final SampleSource source;
    private final Closeable resource;
    private long framesRead;
    private java.util.function.LongConsumer listener = n -> { };

    private interface SampleSource {
        void read(short[] dst, int count) throws IOException;
    }

    private WavReader(byte[] header, byte[] trailer, int channels, long frames, SampleSource source,
                      Closeable resource) {
        this.header = header;
        this.trailer = trailer;
        this.channels = channels;
        this.frames = frames;
        this.source = source;
        this.resource = resource;
    }

    /** Opens {@code file}, checks its header and reads its trailer. */
    public static WavReader open(Path file) throws BadInputException {
        String name = file.toString();
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            long size = ch.size();
            byte[] prefix = readAt(ch, 0, (int) Math.min(size, WavFile.MAX_EXTRA_BYTES + 8L));
            WavLayout layout = WavLayout.read(name, prefix, size);
            long dataEnd = layout.dataOffset() + layout.dataLength();
            if (size - dataEnd > WavFile.MAX_EXTRA_BYTES) {
                throw new WavFormatException(name + ": more than " + WavFile.MAX_EXTRA_BYTES
                        + " bytes after the samples; not supported");
            }
            byte[] header = java.util.Arrays.copyOf(prefix, layout.dataOffset());
            byte[] trailer = readAt(ch, dataEnd, (int) (size - dataEnd));
            ch.position(layout.dataOffset());
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), READ_BUFFER));
            byte[] buf = new byte[READ_BUFFER];
            SampleSource source = (dst, count) -> {
                for (int done = 0; done < count; ) {
                    int n = Math.min(count - done, buf.length / 2);
                    in.readFully(buf, 0, n * 2);
                    ByteBuffer.wrap(buf, 0, n * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(dst, done, n);
                    done += n;
                }
            };
            return new WavReader(header, trailer, layout.channels(), layout.samplesPerChannel(), source, in);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")");
        } catch (BadInputException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    static WavReader of(WavFile w) {
        short[] s = w.samples();
        int[] pos = {0};
        SampleSource source = (dst, count) -> {
            System.arraycopy(s, pos[0], dst, 0, count);
            pos[0] += count;
        };
        return new WavReader(w.header(), w.trailer(), w.channels(), w.samplesPerChannel(), source, () -> { });
    }

    public byte[] header() {
        return header.clone();
    }

    public byte[] trailer() {
        return trailer.clone();
    }

    public int channels() {
        return channels;
    }

    /** Samples per channel. */
    public long samplesPerChannel() {
        return frames;
    }

    /**
     * Reads the next {@code n} sample frames ({@code n * channels()} interleaved samples) into
     * {@code dst}.
     */
    public void read(short[] dst, int n) throws IOException {
        if (n < 0 || framesRead + n > frames) {
            throw new IllegalArgumentException("read past the last sample");
        }
        source.read(dst, n * channels);
        framesRead += n;
        listener.accept(n);
    }

    /** Tells {@code listener} how many samples per channel each read brought (for progress bars). */
    public void onRead(java.util.function.LongConsumer listener) {
        this.listener = listener;
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }

    private static byte[] readAt(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("file shrank while being read");
            }
        }
        return b.array();
    }

    private static void closeQuietly(Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // already failing
        }
    }
}
