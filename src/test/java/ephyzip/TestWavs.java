package ephyzip;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Builds WAV files for tests, including unusual but valid layouts and broken ones. */
public final class TestWavs {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public static TestWavs riff() {
        return new TestWavs();
    }

    public TestWavs fmt(int format, int channels, int rate, int bits) {
        ByteBuffer b = le(16);
        b.putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        return chunk("fmt ", b.array());
    }

    public TestWavs pcm16Mono() {
        return fmt(1, 1, 19531, 16);
    }

    /** A chunk with its pad byte if the length is odd. */
    public TestWavs chunk(String id, byte[] data) {
        return rawChunk(id, data.length, data, data.length % 2 == 1);
    }

    public TestWavs rawChunk(String id, long declaredLength, byte[] data, boolean pad) {
        body.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(le(4).putInt((int) declaredLength).array());
        body.writeBytes(data);
        if (pad) {
            body.write(0);
        }
        return this;
    }

    public TestWavs data(short[] samples) {
        ByteBuffer b = le(samples.length * 2);
        b.asShortBuffer().put(samples);
        return chunk("data", b.array());
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(4).putInt(4 + body.size()).array());
        out.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A canonical mono 16-bit file. */
    public static byte[] mono(short[] samples) {
        return riff().pcm16Mono().data(samples).bytes();
    }

    /** A canonical 16-bit file of interleaved samples. */
    public static byte[] multi(int channels, short[] interleaved) {
        return riff().fmt(1, channels, 19531, 16).data(interleaved).bytes();
    }

    /** {@code channels} seeded random walks of {@code n} samples each, interleaved. */
    public static short[] walks(long seed, int channels, int n) {
        short[] out = new short[channels * n];
        for (int c = 0; c < channels; c++) {
            short[] w = walk(seed + c, n);
            for (int i = 0; i < n; i++) {
                out[i * channels + c] = w[i];
            }
        }
        return out;
    }

    /** A random walk over the grid the recordings use (steps of 64), seeded. */
    public static short[] walk(long seed, int n) {
        Random r = new Random(seed);
        short[] s = new short[n];
        int v = -1000;
        for (int i = 0; i < n; i++) {
            v = Math.max(-32000, Math.min(32000, v + 64 * (int) Math.round(r.nextGaussian() * 3)));
            s[i] = (short) v;
        }
        return s;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
