package ephyzip;

import ephyzip.format.WavFile;
import ephyzip.io.BadInputException;
import ephyzip.model.ModelFile;
import ephyzip.predict.Predictors;
import ephyzip.stream.CoderKind;
import ephyzip.stream.FrameIndex;
import ephyzip.stream.StreamHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Mutated streams: every case must decode to the exact original or fail with a BadInputException,
 * within a time bound, whatever was done to the stream. Seeded; the seed and case are in every
 * failure message.
 */
class StreamFuzzTest {
    private static final long SEED = 20261123L;

    private record Sample(String name, Codec codec, byte[] original, byte[] stream, StreamHeader header) {
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
        byte[] stereo = TestWavs.riff().fmt(1, 3, 19531, 16).data(TestWavs.walks(SEED, 3, 700))
                .chunk("odd ", new byte[3]).bytes();
        // other grids: streams that carry an alphabet of their own, or the model's shifted
        short[] unscaled = Arrays.copyOf(s, 3000);
        short[] shifted = Arrays.copyOf(s, 3000);
        for (int i = 0; i < unscaled.length; i++) {
            unscaled[i] = (short) Math.floorDiv(unscaled[i], 64);
            shifted[i] = (short) Math.min(Short.MAX_VALUE, shifted[i] + 7);
        }
        byte[] unscaledWav = TestWavs.mono(unscaled);
        byte[] shiftedWav = TestWavs.mono(shifted);
        // a wideband recording: the residual path, whichever coder is asked for but rank
        byte[] wideband = TestWavs.mono(Arrays.copyOf(WavFile.parse("n", Files.readAllBytes(ResidualPathTest.NLX))
                .samples(), 3000));
        for (ModelFile m : List.of(TestModels.bigram(), TestModels.cnn())) {
            Codec codec = new Codec(m);
            for (CoderKind k : List.of(CoderKind.RANK, CoderKind.ARITH, CoderKind.RESIDUAL, CoderKind.FAST)) {
                if (k.residual() && m.model().cnn() != null) {
                    continue; // the residual path reads no model: once is enough
                }
                for (byte[] wav : List.of(shortWav, noiseWav, stereo, unscaledWav, shiftedWav, wideband)) {
                    for (int frame : new int[] {Codec.DEFAULT_FRAME, 20}) {
                        byte[] stream = codec.encode(WavFile.parse("w", wav), k, frame, c -> Predictors.of(m.model()));
                        out.add(new Sample(m.model().kind() + "/" + k.label() + "/" + wav.length + "/frame " + frame,
                                codec, wav, stream, header(stream)));
                    }
                }
            }
        }
        // level 9's long LMS presets (format 8) on a signal where they win
        ModelFile bigram = TestModels.bigram();
        Codec best = new Codec(bigram).withLongStages();
        byte[] longWav = ResidualPathTest.longStructure(31, 20_000);
        for (int frame : new int[] {Codec.DEFAULT_FRAME, 20}) {
            byte[] stream = best.encode(WavFile.parse("w", longWav), CoderKind.RESIDUAL, frame,
                    c -> Predictors.of(bigram.model()));
            assertEquals(StreamHeader.VERSION_8, header(stream).version(), "a long preset was taken");
            out.add(new Sample("level 9/residual/frame " + frame, best, longWav, stream, header(stream)));
        }
        return out;
    }

    private static StreamHeader header(byte[] stream) throws Exception {
        return StreamHeader.read(new ByteArrayInputStream(stream));
    }

    private static void check(Sample s, byte[] mutated, String what) {
        check(s, s, mutated, what);
    }

    /**
     * {@code mutated} holds {@code s}'s header on {@code body}'s frames: it decodes to either file
     * (two streams of the same layout and coder settings carry interchangeable bodies) or fails.
     */
    private static void check(Sample s, Sample body, byte[] mutated, String what) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                byte[] back = s.codec().decode(mutated);
                if (!Arrays.equals(body.original(), back)) {
                    assertArrayEquals(s.original(), back, what + ": decoded to something else");
                }
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
        for (int round = 0; round < 25; round++) {
            for (Sample s : samples) {
                byte[] st = s.stream();
                StreamHeader h = s.header();
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
                // the frames under a valid header that declares other sizes
                long[] counts = {0, 1, h.samplesPerChannel() - 1, h.samplesPerChannel() + 1, 2 * h.samplesPerChannel(),
                        StreamHeader.MAX_DATA_BYTES / 2 / h.channels(), r.nextInt(1 << 30) / h.channels()};
                long count = Math.max(0, counts[r.nextInt(counts.length)]);
                int[] channelChoices = {1, 2, h.channels() + 1, StreamHeader.MAX_CHANNELS};
                int channels = r.nextInt(3) == 0 ? channelChoices[r.nextInt(channelChoices.length)] : h.channels();
                int[] frames = {1, 20, h.frameLength() + 1, StreamHeader.MAX_FRAME_SAMPLES / channels};
                int frame = r.nextBoolean() ? frames[r.nextInt(frames.length)] : h.frameLength();
                frame = Math.min(frame, StreamHeader.MAX_FRAME_SAMPLES / channels);
                count = Math.min(count, StreamHeader.MAX_DATA_BYTES / 2 / channels);
                check(s, withHeader(h, channels, frame, count, st, h.length()),
                        base + " declared " + channels + " channels, frame " + frame + ", count " + count);
                cases += 5;
            }
            // a header from one stream on the frames of another
            Sample a = samples.get(r.nextInt(samples.size()));
            Sample b = samples.get(r.nextInt(samples.size()));
            StreamHeader ha = a.header();
            byte[] swapped = withHeader(ha, ha.channels(), ha.frameLength(), ha.samplesPerChannel(), b.stream(),
                    b.header().length());
            check(a, b, swapped, "seed " + SEED + " round " + round + " header of " + a.name() + " on " + b.name());
            cases++;
        }
        // truncation at, just before and just after every boundary between records
        for (Sample s : samples) {
            for (int cut : some(boundaries(s), r)) {
                for (int d = -1; d <= 1; d++) {
                    int at = Math.max(0, Math.min(cut + d, s.stream().length - 1));
                    check(s, Arrays.copyOf(s.stream(), at), s.name() + " cut at " + at);
                    cases++;
                }
            }
        }
        System.out.println("stream fuzz: " + cases + " mutated streams, seed " + SEED);
        assertTrue(cases >= 2000, "only " + cases + " cases");
    }

    /** The first 20 and last 10 of {@code all}, and 10 others drawn at random. */
    private static List<Integer> some(TreeSet<Integer> all, Random r) {
        List<Integer> list = new ArrayList<>(all);
        if (list.size() <= 40) {
            return list;
        }
        List<Integer> out = new ArrayList<>(list.subList(0, 20));
        out.addAll(list.subList(list.size() - 10, list.size()));
        for (int i = 0; i < 10; i++) {
            out.add(list.get(20 + r.nextInt(list.size() - 30)));
        }
        return out;
    }

    /** Offsets where the header's fields, each frame's records and the end record begin. */
    private static TreeSet<Integer> boundaries(Sample s) throws Exception {
        byte[] st = s.stream();
        StreamHeader h = s.header();
        TreeSet<Integer> out = new TreeSet<>(List.of(0, 4, 5, 6, 14, 16, 20, 24, 28, h.length() - 4, h.length()));
        int pos = h.length();
        for (FrameIndex.Frame f : FrameIndex.of(st)) {
            out.add(f.payload());
            out.add(f.payload() + f.payloadLength());
            out.add(f.end());
            pos = f.end();
        }
        out.add(pos + 4);
        out.add(st.length - 4);
        out.add(st.length);
        return out;
    }

    /** {@code h} with other sizes and a fresh header checksum, then the frames of {@code from}. */
    private static byte[] withHeader(StreamHeader h, int channels, int frame, long count, byte[] from,
                                     int framesStart) {
        byte[] rest = Arrays.copyOfRange(from, framesStart, from.length);
        // the fast path's record names no channel: it stays (every other record is dropped)
        byte[] record = h.coder() == CoderKind.FAST ? h.alphabetRecord() : new byte[0];
        StreamHeader changed = new StreamHeader(h.version(), h.coder(), h.modelFingerprint(), channels, frame, count,
                h.kind(), h.rate(), h.sourceHeader(), record);
        byte[] head = changed.toBytes();
        byte[] out = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, out, head.length, rest.length);
        return out;
    }
}
