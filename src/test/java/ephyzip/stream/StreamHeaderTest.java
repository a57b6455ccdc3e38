package ephyzip.stream;

import ephyzip.io.CorruptStreamException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Declared sizes are refused before anything is allocated from them, with a message saying why. */
class StreamHeaderTest {
    private static final StreamHeader GOOD = new StreamHeader(StreamHeader.VERSION, CoderKind.ARITH,
            "0123456789abcdef", 2, 100, 1000, new byte[44]);

    /** GOOD's bytes with one field changed and the header checksum made valid again. */
    private static byte[] with(int offset, int size, long value) {
        byte[] b = GOOD.toBytes();
        ByteBuffer bb = ByteBuffer.wrap(b);
        if (size == 2) {
            bb.putShort(offset, (short) value);
        } else {
            bb.putInt(offset, (int) value);
        }
        bb.putInt(b.length - 4, StreamHeader.crc(b, 0, b.length - 4));
        return b;
    }

    private static String refusal(byte[] header) {
        CorruptStreamException e = assertThrows(CorruptStreamException.class,
                () -> StreamHeader.read(new ByteArrayInputStream(header)));
        return e.getMessage();
    }

    @Test
    void roundTrip() throws Exception {
        StreamHeader back = StreamHeader.read(new ByteArrayInputStream(GOOD.toBytes()));
        assertEquals(GOOD.channels(), back.channels());
        assertEquals(GOOD.frameLength(), back.frameLength());
        assertEquals(GOOD.samplesPerChannel(), back.samplesPerChannel());
        assertEquals(10, back.frameCount());
    }

    @Test
    void hugeOrImpossibleSizesAreRefused() {
        assertTrue(refusal(with(14, 2, 0)).contains("0 channels"));
        assertTrue(refusal(with(14, 2, 5000)).contains("5000 channels"));
        assertTrue(refusal(with(16, 4, 0)).contains("frame length 0"));
        assertTrue(refusal(with(16, 4, 0xFFFFFFFFL)).contains("frame length"));
        assertTrue(refusal(with(16, 4, 1 << 22)).contains("frame length"), "2 channels x 2^22 is too much");
        assertTrue(refusal(with(20, 4, 0xFFFFFFFFL)).contains("samples per channel"));
        // a WAV header length of 4 GB: refused from the length alone, before any read or allocation
        byte[] b = GOOD.toBytes();
        ByteBuffer.wrap(b).putInt(24, 0xFFFFFFF0);
        assertTrue(refusal(b).contains("WAV header length"));
    }

    @Test
    void damageAndTruncationAreRefused() {
        byte[] b = GOOD.toBytes();
        b[30] ^= 1;
        assertTrue(refusal(b).contains("header checksum"));
        for (int cut = 0; cut < GOOD.length(); cut += 7) {
            String m = refusal(Arrays.copyOf(GOOD.toBytes(), cut));
            assertTrue(m.contains("truncated"), "cut " + cut + ": " + m);
        }
        byte[] v1 = GOOD.toBytes();
        v1[4] = 1;
        assertTrue(refusal(v1).contains("version 1 is not supported"));
    }
}
