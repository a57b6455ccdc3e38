package ephyzip;

import ephyzip.format.WavFile;
import ephyzip.io.CorruptStreamException;
import ephyzip.model.ModelFile;
import ephyzip.predict.Predictors;
import ephyzip.stream.CoderKind;
import ephyzip.stream.FrameIndex;
import ephyzip.stream.StreamHeader;
import ephyzip.stream.StreamReader;
import ephyzip.stream.StreamWriter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A receiver decodes each frame as soon as its bytes have arrived: the reader never asks for a
 * byte past the end of the frame it is decoding.
 */
class FrameByFrameTest {
    /** Serves the stream only up to {@code limit}; a read past it fails the test. */
    private static final class Gate extends InputStream {
        private final byte[] data;
        private int pos;
        int limit;

        Gate(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() throws IOException {
            if (pos >= data.length) {
                return -1;
            }
            if (pos >= limit) {
                throw new AssertionError("read byte " + pos + " before it arrived (limit " + limit + ")");
            }
            return data[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }

    @Test
    void eachFrameDecodesFromItsOwnBytes() throws Exception {
        for (ModelFile m : List.of(TestModels.bigram(), TestModels.cnn())) {
            for (CoderKind k : CoderKind.values()) {
                int channels = 2;
                short[] s = TestWavs.walks(5, channels, 3000);
                WavFile wav = WavFile.parse("w", TestWavs.multi(channels, s));
                Codec codec = new Codec(m);
                byte[] stream = codec.encode(wav, k, 20, c -> Predictors.of(m.model()));
                StreamHeader h = StreamHeader.read(new ByteArrayInputStream(stream));
                List<Integer> ends = FrameIndex.of(stream).stream().map(FrameIndex.Frame::end).toList();
                Gate gate = new Gate(stream);
                gate.limit = h.length();
                StreamReader r = codec.open(gate);
                String what = m.model().kind() + "/" + k.label();
                for (int f = 0; f < ends.size(); f++) {
                    gate.limit = ends.get(f);
                    short[] frame = r.nextFrame();
                    int n = h.frameSamples(f) * channels;
                    assertArrayEquals(Arrays.copyOfRange(s, f * 20 * channels, f * 20 * channels + n),
                            Arrays.copyOf(frame, n), what + " frame " + f);
                    assertEquals((long) ends.get(f), r.offset(), what + " frame " + f);
                }
                gate.limit = stream.length;
                assertNull(r.nextFrame(), what);
                assertArrayEquals(wav.trailer(), r.trailer(), what);
            }
        }
    }

    @Test
    void packetsWithoutLengthPrefixes() throws Exception {
        for (ModelFile m : List.of(TestModels.bigram(), TestModels.cnn())) {
            for (CoderKind k : CoderKind.values()) {
                int channels = 3;
                int n = 70_000; // passes a checkpoint at 65,536 samples per channel
                short[] s = TestWavs.walks(6, channels, n);
                WavFile wav = WavFile.parse("w", TestWavs.multi(channels, s));
                Codec codec = new Codec(m);
                StreamWriter w = codec.packetWriter(k, channels, 20, n, wav.header());
                byte[] header = w.header().toBytes();
                StreamReader r = codec.openPackets(header);
                String what = m.model().kind() + "/" + k.label();
                long packetBytes = 0;
                for (int f = 0, at = 0; w.nextFrameSamples() > 0; f++) {
                    int count = w.nextFrameSamples() * channels;
                    byte[] packet = w.packet(Arrays.copyOfRange(s, at, at + count));
                    packetBytes += packet.length;
                    short[] back = r.decodePacket(packet);
                    assertArrayEquals(Arrays.copyOfRange(s, at, at + count), Arrays.copyOf(back, count),
                            what + " packet " + f);
                    at += count;
                }
                // the same frames as the stream, less the length prefixes
                // (one pass, in the model's alphabet, as the packet writer codes)
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                codec.encode(wav.reader(), bytes, k, 20);
                byte[] stream = bytes.toByteArray();
                long prefixes = FrameIndex.of(stream).stream().mapToLong(FrameIndex.Frame::prefixBytes).sum();
                long endRecord = 4 + wav.trailer().length + 4;
                assertEquals(stream.length - header.length - prefixes - endRecord, packetBytes, what);
            }
        }
    }

    @Test
    void aDamagedPacketIsCaughtByTheNextCheckpoint() throws Exception {
        ModelFile m = TestModels.bigram();
        Codec codec = new Codec(m);
        short[] s = TestWavs.walk(7, 66_000);
        StreamWriter w = codec.packetWriter(CoderKind.ARITH, 1, 1000, s.length, WavFile.of(19531, s).header());
        StreamReader r = codec.openPackets(w.header().toBytes());
        assertThrows(CorruptStreamException.class, () -> {
            for (int at = 0; w.nextFrameSamples() > 0; ) {
                int count = w.nextFrameSamples();
                byte[] packet = w.packet(Arrays.copyOfRange(s, at, at + count));
                if (at == 5000) {
                    packet[packet.length / 2] ^= 16;
                }
                r.decodePacket(packet);
                at += count;
            }
        });
    }
}
