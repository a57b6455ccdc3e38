package ephyzip.stream;

import ephyzip.Codec;
import ephyzip.TestModels;
import ephyzip.TestWavs;
import ephyzip.format.WavFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** Many channels in coder segments: the same bytes on 1, 2 or 4 threads, and back. */
class SegmentTest {
    @Test
    void bytesDoNotDependOnThreads() throws Exception {
        for (int channels : new int[] {2, 17, 64}) {
            byte[] wav = TestWavs.multi(channels, TestWavs.walks(31, channels, 1500));
            WavFile w = WavFile.parse("w", wav);
            byte[] one = new Codec(TestModels.cnn(), 1).encode(w, CoderKind.ARITH);
            StreamHeader h = StreamHeader.read(new ByteArrayInputStream(one));
            assertEquals(Codec.defaultSegmentChannels(channels), h.segmentChannels());
            int s = h.segmentChannels();
            assertEquals((channels + s - 1) / s, h.segments(), channels + " channels");
            org.junit.jupiter.api.Assertions.assertTrue(h.segments() >= 2 && h.segments() <= 16, channels + " channels");
            for (int threads : new int[] {2, 4}) {
                Codec c = new Codec(TestModels.cnn(), threads);
                assertArrayEquals(one, c.encode(w, CoderKind.ARITH), channels + " channels, " + threads + " threads");
                assertArrayEquals(wav, c.decode(one), channels + " channels decoded on " + threads + " threads");
            }
            for (CoderKind k : new CoderKind[] {CoderKind.RANK, CoderKind.STORED}) {
                Codec c = new Codec(TestModels.bigram(), 3);
                assertArrayEquals(wav, new Codec(TestModels.bigram(), 1).decode(c.encode(w, k)), k + ", " + channels);
            }
        }
    }
}
