package ephyzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ephyzip.coding.CoderKind;
import ephyzip.model.ModelFile;
import ephyzip.stream.StreamHeader;
import ephyzip.wav.WavFile;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated streams: every case must decode to the exact original or fail with a BadInputException,
 * within a time bound, whatever was done to the stream. Seeded; the seed and case are in every
 * failure message.
 */
class StreamFuzzTest {
    private static final long SEED = 20261123L;

    private record Sample(String name, Codec codec, byte[] original, byte[] stream) {
    }

    private static List<Sample> samples() throws Exception {
        List<Sample> out = new ArrayList<>();
        byte[] file = Files.readAllBytes(TestModels.dataFiles().get(1));
        short[] s = WavFile.parse("f", file).samples();
        byte[] shortWav = TestWavs.riff().pcm16Mono().chunk("LIST", new byte[5]).data(Arrays.copyOf(s, 3000))
                .bytes();
        Random r = new Random(SEED);
        short[] noise = new short[500];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) r.nextInt();
        }
        byte[] noiseWav = TestWavs.mono(noise);
        for (ModelFile m : List.of(TestModels.bigram(), TestModels.cnn())) {
            Codec codec = new Codec(m);
            for (CoderKind k : CoderKind.values()) {
                for (byte[] wav : List.of(shortWav, noiseWav)) {
                    byte[] stream = codec.encode(WavFile.parse("w", wav), k);
                    out.add(new Sample(m.model().kind() + "/" + k.label() + "/" + wav.length, codec, wav, stream));
                }
            }
        }
        return out;
    }

    private static void check(Sample s, byte[] mutated, String what) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                byte[] back = s.codec().decode(mutated).toBytes();
                assertArrayEquals(s.original(), back, what + ": decoded to something else");
            } catch (BadInputException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank(), what);
            } catch (Throwable t) {
                fail(what + ": " + t, t);
            }
        }, what + ": too slow");
    }

    @Test
    void mutatedStreamsDecodeExactlyOrFailCleanly() throws Exception {
        List<Sample> samples = samples();
        Random r = new Random(SEED);
        int cases = 0;
        for (int round = 0; round < 60; round++) {
            for (Sample s : samples) {
                byte[] st = s.stream();
                String base = "seed " + SEED + " round " + round + " " + s.name();
                // bit flips
                byte[] flip = st.clone();
                int flips = 1 + r.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    flip[r.nextInt(flip.length)] ^= (byte) (1 << r.nextInt(8));
                }
                check(s, flip, base + " flips");
                // a run of random bytes
                byte[] junk = st.clone();
                int at = r.nextInt(junk.length);
                for (int i = at; i < Math.min(junk.length, at + 1 + r.nextInt(16)); i++) {
                    junk[i] = (byte) r.nextInt();
                }
                check(s, junk, base + " random bytes at " + at);
                // truncation anywhere, and extra bytes
                check(s, Arrays.copyOf(st, r.nextInt(st.length)), base + " truncated");
                check(s, Arrays.copyOf(st, st.length + 1 + r.nextInt(9)), base + " extended");
                // a damaged payload under a valid header with another declared sample count
                StreamHeader h = StreamHeader.parse(st);
                long[] counts = {0, 1, h.sampleCount() - 1L, h.sampleCount() + 1L, 2L * h.sampleCount(),
                        StreamHeader.MAX_SAMPLES, r.nextInt(StreamHeader.MAX_SAMPLES)};
                int count = (int) counts[r.nextInt(counts.length)];
                check(s, withHeader(h, count, st, h.length()), base + " declared count " + count);
                cases += 5;
            }
            // a header from one stream on the payload of another
            Sample a = samples.get(r.nextInt(samples.size()));
            Sample b = samples.get(r.nextInt(samples.size()));
            StreamHeader ha = StreamHeader.parse(a.stream());
            StreamHeader hb = StreamHeader.parse(b.stream());
            byte[] swapped = withHeader(ha, ha.sampleCount(), b.stream(), hb.length());
            check(a, swapped, "seed " + SEED + " round " + round + " header of " + a.name() + " on " + b.name());
            cases++;
        }
        // truncation at every header boundary of every sample
        for (Sample s : samples) {
            StreamHeader h = StreamHeader.parse(s.stream());
            int[] cuts = {0, 4, 5, 6, 14, 18, 22, 22 + h.wavHeader().length, 26 + h.wavHeader().length,
                    h.length() - 8, h.length() - 4, h.length(), h.length() + 1};
            for (int cut : cuts) {
                check(s, Arrays.copyOf(s.stream(), Math.min(cut, s.stream().length)), s.name() + " cut at " + cut);
                cases++;
            }
        }
        assertTrue(cases >= 2000, "only " + cases + " cases");
    }

    /** {@code h} with another sample count and a fresh header checksum, then the payload of {@code from}. */
    private static byte[] withHeader(StreamHeader h, int count, byte[] from, int payloadStart) {
        byte[] payload = Arrays.copyOfRange(from, payloadStart, from.length);
        StreamHeader changed = new StreamHeader(h.version(), h.coder(), h.modelFingerprint(), count, h.wavHeader(),
                h.wavTrailer(), h.samplesCrc(), payload.length);
        byte[] head = changed.toBytes();
        byte[] out = Arrays.copyOf(head, head.length + payload.length);
        System.arraycopy(payload, 0, out, head.length, payload.length);
        return out;
    }
}
