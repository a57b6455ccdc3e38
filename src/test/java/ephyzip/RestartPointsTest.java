package ephyzip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ephyzip.format.WavFile;
import ephyzip.io.BadInputException;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamHeader;
import ephyzip.stream.StreamReader;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Restart points (stream version 6): every channel's predictor starts fresh at each, so a reader
 * can start there; a seek gives the frames a whole decode gives; streams without one stay version 5.
 */
class RestartPointsTest {
    private static final int FRAME = 500;

    private static WavFile recording(long seed, int channels, int n) {
        return WavFile.of(30000, channels, TestWavs.walks(seed, channels, n));
    }

    private static short[][] frames(Codec codec, byte[] stream) throws Exception {
        StreamReader r = codec.open(new ByteArrayInputStream(stream));
        short[][] out = new short[(int) r.header().frameCount()][];
        for (int f = 0; f < out.length; f++) {
            out[f] = r.nextFrame().clone();
        }
        return out;
    }

    @Test
    void seeksGiveTheFramesAWholeDecodeGivesOnEveryCoder() throws Exception {
        long seed = 77;
        WavFile wav = recording(seed, 3, 12_345);
        Random random = new Random(seed);
        for (CoderKind coder : new CoderKind[] {CoderKind.ARITH, CoderKind.RANK, CoderKind.RESIDUAL, CoderKind.FAST}) {
            ephyzip.model.Model cnn = TestModels.cnn().model();
            Codec codec = new Codec(TestModels.cnn(), 2).withRestartEvery(2 * FRAME);
            byte[] stream = codec.encode(wav, coder, FRAME, c -> ephyzip.predict.Predictors.of(cnn));
            StreamHeader h = StreamHeader.read(new ByteArrayInputStream(stream));
            // the fast path came with version 7, the residual path's presets since 0.5.0 with 8
            assertEquals(coder == CoderKind.FAST ? StreamHeader.VERSION_7 : coder == CoderKind.RESIDUAL
                    ? StreamHeader.VERSION_8 : StreamHeader.VERSION_6, h.version(), coder + "");
            assertEquals(2, h.restartFrames(), coder + "");
            assertArrayEquals(wav.toBytes(), codec.decode(stream), coder + " round trip");
            short[][] whole = frames(codec, stream);
            for (int i = 0; i < 8; i++) {
                int f = random.nextInt(whole.length);
                StreamReader r = codec.openAt(new ByteArrayInputStream(stream), (long) f * FRAME + random.nextInt(FRAME));
                assertEquals(f, r.nextFrameIndex());
                for (int g = f; g < whole.length; g++) {
                    assertArrayEquals(whole[g], Arrays.copyOf(r.nextFrame(), whole[g].length),
                            "seed " + seed + ", " + coder + ": frame " + g + " after a seek to " + f);
                }
                assertEquals(null, r.nextFrame(), "the end record is read and checked");
            }
        }
    }

    @Test
    void aReaderOfSomeChannelsDecodesOnlyTheirSegments() throws Exception {
        WavFile wav = recording(3, 40, 3_000);
        for (CoderKind coder : new CoderKind[] {CoderKind.ARITH, CoderKind.RESIDUAL, CoderKind.FAST}) {
            Codec codec = new Codec(TestModels.bigram()).withRestartEvery(2 * FRAME);
            ephyzip.model.Model bigram = TestModels.bigram().model();
            byte[] stream = codec.encode(wav, coder, FRAME, c -> ephyzip.predict.Predictors.of(bigram));
            short[][] whole = frames(codec, stream);
            int[] wanted = {7, 33};
            StreamReader r = codec.open(new ByteArrayInputStream(stream));
            r.onlyChannels(wanted);
            r.seekFrame(2);
            for (int f = 2; f < whole.length; f++) {
                short[] got = r.nextFrame();
                for (int i = 0; i < whole[f].length / 40; i++) {
                    for (int c : wanted) {
                        assertEquals(whole[f][i * 40 + c], got[i * 40 + c], coder + " frame " + f + " channel " + c);
                    }
                }
            }
            assertEquals(null, r.nextFrame());
        }
    }

    @Test
    void restartsCostLittleAndAStreamWithoutOneHasNone() throws Exception {
        WavFile wav = recording(5, 1, 40_000);
        Codec plain = new Codec(TestModels.bigram()).withRestartEvery(0);
        byte[] none = plain.encode(wav, CoderKind.ARITH);
        // the residual path (a random walk takes it) writes version 8 since 0.5.0, with or without
        StreamHeader noneHeader = StreamHeader.read(new ByteArrayInputStream(none));
        assertEquals(StreamHeader.VERSION_8, noneHeader.version());
        assertEquals(0, noneHeader.restartFrames());
        // on the grid path a stream without a restart point is version 5, byte for byte 0.2.0's
        WavFile grid = WavFile.parse("nl", java.nio.file.Files.readAllBytes(TestModels.dataFiles().get(0)));
        assertEquals(StreamHeader.VERSION_5, StreamHeader.read(new ByteArrayInputStream(
                new Codec(TestModels.bigram()).encode(grid, CoderKind.ARITH))).version());
        // the default interval is longer than this recording: the same bytes as no restart points
        assertArrayEquals(none, new Codec(TestModels.bigram()).encode(wav, CoderKind.ARITH));
        ephyzip.model.Model bigram = TestModels.bigram().model();
        byte[] some = new Codec(TestModels.bigram()).withRestartEvery(10_000).encode(wav, CoderKind.ARITH, 5_000,
                c -> ephyzip.predict.Predictors.of(bigram));
        StreamHeader h = StreamHeader.read(new ByteArrayInputStream(some));
        assertEquals(2, h.restartFrames());
        assertTrue(some.length > none.length, "relearning costs something");
        assertTrue(some.length < none.length * 1.10, some.length + " against " + none.length);
    }

    @Test
    void aDamagedSkippedFrameLengthIsRefused() throws Exception {
        WavFile wav = recording(9, 1, 6_000);
        Codec codec = new Codec(TestModels.bigram()).withRestartEvery(FRAME);
        ephyzip.model.Model bigram = TestModels.bigram().model();
        byte[] stream = codec.encode(wav, CoderKind.ARITH, FRAME, c -> ephyzip.predict.Predictors.of(bigram));
        StreamHeader h = StreamHeader.read(new ByteArrayInputStream(stream));
        byte[] cut = Arrays.copyOf(stream, h.length() + 40);
        StreamReader r = codec.open(new ByteArrayInputStream(cut));
        assertThrows(BadInputException.class, () -> r.seekFrame(10));
        byte[] bad = stream.clone();
        bad[h.length()] = (byte) 0xFF; // the first frame's length prefix: 5 bytes of continuation
        bad[h.length() + 1] = (byte) 0xFF;
        StreamReader r2 = codec.open(new ByteArrayInputStream(bad));
        assertThrows(BadInputException.class, () -> r2.seekFrame(10));
    }
}
