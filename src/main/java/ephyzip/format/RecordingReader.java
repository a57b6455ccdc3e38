package ephyzip.format;

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
 * A recording read as a stream: the file's bytes before and after its samples up front (a WAV's
 * header and trailer; nothing for flat files), then its interleaved 16-bit samples in blocks, so a
 * recording of any length is read in constant memory. {@link Inputs} opens every kind of file.
 */
public final class RecordingReader implements Closeable {
    private static final int READ_BUFFER = 1 << 16;

    private final InputKind kind;
    private final double rate;
    private final byte[] header;
    private final byte[] trailer;
    private final int channels;
    private final long samplesPerChannel;
    private final SampleSource source;
    private final Closeable resource;
    private long samplesRead;
    private java.util.function.LongConsumer listener = n -> { };

    private interface SampleSource {
        void read(short[] dst, int count) throws IOException;
    }

    private RecordingReader(InputKind kind, double rate, byte[] header, byte[] trailer, int channels,
                            long samplesPerChannel, SampleSource source, Closeable resource) {
        this.kind = kind;
        this.rate = rate;
        this.header = header;
        this.trailer = trailer;
        this.channels = channels;
        this.samplesPerChannel = samplesPerChannel;
        this.source = source;
        this.resource = resource;
    }

    /** Opens a WAV {@code file}, checks its header and reads its trailer. */
    public static RecordingReader openWav(Path file) throws BadInputException {
        String name = file.toString();
        return open(file, ch -> {
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
            DataInputStream in = stream(ch);
            return new RecordingReader(InputKind.WAV, layout.sampleRate(), header, trailer, layout.channels(),
                    layout.samplesPerChannel(), samples(in), in);
        });
    }

    /**
     * Opens a flat file of interleaved 16-bit little-endian samples of {@code channels} channels
     * (its size must be a whole number of sample frames); {@code rate} is recorded, not used.
     */
    public static RecordingReader openFlat(Path file, InputKind kind, int channels, double rate)
            throws BadInputException {
        if (!kind.flat()) {
            throw new IllegalArgumentException(kind + " is not a flat format");
        }
        return open(file, ch -> {
            long size = ch.size();
            long frameBytes = 2L * channels;
            if (size % frameBytes != 0) {
                throw new BadInputException(file + ": " + size + " bytes are not a whole number of samples of "
                        + channels + " 16-bit channels (" + frameBytes + " bytes each)");
            }
            DataInputStream in = stream(ch);
            return new RecordingReader(kind, rate, new byte[0], new byte[0], channels, size / frameBytes, samples(in),
                    in);
        });
    }

    private interface Opener {
        RecordingReader open(FileChannel ch) throws IOException, BadInputException;
    }

    /** Opens {@code file} for {@code opener}; on any failure the file is closed and the failure is bad input. */
    private static RecordingReader open(Path file, Opener opener) throws BadInputException {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            return opener.open(ch);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (BadInputException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static DataInputStream stream(FileChannel ch) {
        return new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), READ_BUFFER));
    }

    /** Little-endian 16-bit samples from {@code in}, in blocks. */
    private static SampleSource samples(DataInputStream in) {
        byte[] buf = new byte[READ_BUFFER];
        return (dst, count) -> {
            for (int done = 0; done < count; ) {
                int n = Math.min(count - done, buf.length / 2);
                in.readFully(buf, 0, n * 2);
                ByteBuffer.wrap(buf, 0, n * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(dst, done, n);
                done += n;
            }
        };
    }

    static RecordingReader of(WavFile w) {
        short[] s = w.samples();
        int[] pos = {0};
        SampleSource source = (dst, count) -> {
            System.arraycopy(s, pos[0], dst, 0, count);
            pos[0] += count;
        };
        return new RecordingReader(InputKind.WAV, w.sampleRate(), w.header(), w.trailer(), w.channels(),
                w.samplesPerChannel(), source, () -> { });
    }

    public InputKind kind() {
        return kind;
    }

    /** Samples a second, as the file or its sidecar states it (0 where it does not). */
    public double rate() {
        return rate;
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
        return samplesPerChannel;
    }

    /**
     * Reads the next {@code n} samples of every channel ({@code n * channels()} interleaved
     * samples) into {@code dst}.
     */
    public void read(short[] dst, int n) throws IOException {
        if (n < 0 || samplesRead + n > samplesPerChannel) {
            throw new IllegalArgumentException("read past the last sample");
        }
        source.read(dst, n * channels);
        samplesRead += n;
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
