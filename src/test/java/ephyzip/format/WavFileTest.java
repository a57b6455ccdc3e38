package ephyzip.format;

import ephyzip.TestWavs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WavFileTest {
    @Test
    void splitsHeaderSamplesAndTrailer() throws Exception {
        short[] s = {1, -2, 3};
        byte[] wav = TestWavs.riff().pcm16Mono().chunk("junk", new byte[5]).data(s).chunk("LIST", new byte[2]).bytes();
        WavFile w = WavFile.parse("t", wav);
        assertArrayEquals(s, w.samples());
        assertEquals(44 + 14, w.header().length);
        assertEquals(10, w.trailer().length);
        assertArrayEquals(wav, w.toBytes());
    }

    @Test
    void canonicalWriterMatchesParser() throws Exception {
        short[] s = TestWavs.walk(5, 77);
        WavFile w = WavFile.of(19531, s);
        assertArrayEquals(TestWavs.mono(s), w.toBytes());
    }
}
