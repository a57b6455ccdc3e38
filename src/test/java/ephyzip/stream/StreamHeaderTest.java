package ephyzip.stream;

import ephyzip.format.InputKind;
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
    /** A version-5 header (the offsets below are its layout; version 6 adds 4 bytes after the segments). */
    private static final StreamHeader GOOD = new StreamHeader(StreamHeader.VERSION_5, CoderKind.ARITH,
            "0123456789abcdef", 2, 100, 1000, InputKind.WAV, 19531, new byte[44]);

    @Test
    void restartPointsRoundTripInVersionSixAndAreCheckedInBoth() throws Exception {
        StreamHeader v6 = new StreamHeader(StreamHeader.VERSION_6, CoderKind.RESIDUAL, "0123456789abcdef", 2, 100, 1000,
                InputKind.WAV, 19531, new byte[44], new byte[] {3, 0, 0, 0, 1, 0, 0}, 2, 3);
        StreamHeader back = StreamHeader.read(new ByteArrayInputStream(v6.toBytes()));
        assertEquals(3, back.restartFrames());
        assertEquals(v6.length(), v6.toBytes().length);
        assertEquals(GOOD.length() + 4 + 7, v6.length(), "4 bytes of R and the residual record (7 bytes)");
        assertTrue(back.restartAt(3) && back.restartAt(6) && !back.restartAt(0) && !back.restartAt(4));
        assertEquals(6, back.restartBefore(8));
        assertThrows(IllegalArgumentException.class, () -> new StreamHeader(StreamHeader.VERSION_5, CoderKind.ARITH,
                "0123456789abcdef", 2, 100, 1000, InputKind.WAV, 19531, new byte[44], new byte[0], 0, 3),
                "version 5 has no restart points");
        byte[] b = v6.toBytes();
        ByteBuffer.wrap(b).putInt(StreamHeader.FIXED_BYTES - 4, 0x80000000); // R lies after S, before the file header length
        ByteBuffer.wrap(b).putInt(b.length - 4, StreamHeader.crc(b, 0, b.length - 4));
        assertTrue(refusal(b).contains("restart interval"));
    }

    @Test
    void versionNineHoldsTheGridCodersOnly() throws Exception {
        for (CoderKind coder : new CoderKind[] {CoderKind.RANK, CoderKind.ARITH}) {
            StreamHeader v9 = new StreamHeader(StreamHeader.VERSION_9, coder, "0123456789abcdef", 2, 100, 1000,
                    InputKind.WAV, 19531, new byte[44], new byte[0], 2, 3);
            StreamHeader back = StreamHeader.read(new ByteArrayInputStream(v9.toBytes()));
            assertEquals(StreamHeader.VERSION_9, back.version());
            assertEquals(coder, back.coder());
            assertEquals(3, back.restartFrames(), "version 6's layout: the restart field");
        }
        assertThrows(IllegalArgumentException.class, () -> new StreamHeader(StreamHeader.VERSION_9, CoderKind.STORED,
                "0123456789abcdef", 2, 100, 1000, InputKind.WAV, 19531, new byte[44], new byte[0], 0, 0));
        byte[] b = new StreamHeader(StreamHeader.VERSION_6, CoderKind.STORED, "0123456789abcdef", 2, 100, 1000,
                InputKind.WAV, 19531, new byte[44], new byte[0], 0, 0).toBytes();
        b[4] = StreamHeader.VERSION_9;
        ByteBuffer.wrap(b).putInt(b.length - 4, StreamHeader.crc(b, 0, b.length - 4));
        assertTrue(refusal(b).contains("coder id 2 in a version 9 stream"), refusal(b));
    }

    @Test
    void versionTenHoldsTheArithmeticCoderOnly() throws Exception {
        StreamHeader v10 = new StreamHeader(StreamHeader.VERSION_10, CoderKind.ARITH, "0123456789abcdef", 2, 100, 1000,
                InputKind.WAV, 19531, new byte[44], new byte[0], 2, 3);
        StreamHeader back = StreamHeader.read(new ByteArrayInputStream(v10.toBytes()));
        assertEquals(StreamHeader.VERSION_10, back.version());
        assertEquals(CoderKind.ARITH, back.coder());
        assertEquals(3, back.restartFrames(), "version 9's layout: the restart field");
        for (CoderKind other : new CoderKind[] {CoderKind.RANK, CoderKind.STORED}) {
            assertThrows(IllegalArgumentException.class, () -> new StreamHeader(StreamHeader.VERSION_10, other,
                    "0123456789abcdef", 2, 100, 1000, InputKind.WAV, 19531, new byte[44], new byte[0], 0, 0),
                    other.label());
        }
        byte[] b = new StreamHeader(StreamHeader.VERSION_9, CoderKind.RANK, "0123456789abcdef", 2, 100, 1000,
                InputKind.WAV, 19531, new byte[44], new byte[0], 0, 0).toBytes();
        b[4] = StreamHeader.VERSION_10;
        ByteBuffer.wrap(b).putInt(b.length - 4, StreamHeader.crc(b, 0, b.length - 4));
        assertTrue(refusal(b).contains("in a version 10 stream"), refusal(b));
    }

    @Test
    void theFastPathIsVersionSevenWithItsRecordChecked() throws Exception {
        StreamHeader v7 = new StreamHeader(StreamHeader.VERSION_7, CoderKind.FAST, "0123456789abcdef", 2, 100, 1000,
                InputKind.WAV, 19531, new byte[44], FastRecord.of(1), 2, 0);
        StreamHeader back = StreamHeader.read(new ByteArrayInputStream(v7.toBytes()));
        assertEquals(CoderKind.FAST, back.coder());
        assertEquals(1, FastRecord.variant(back.alphabetRecord()));
        assertEquals(GOOD.length() + 4 + 2, v7.length(), "4 bytes of R and the fast record (2 bytes)");
        assertThrows(IllegalArgumentException.class, () -> new StreamHeader(StreamHeader.VERSION_6, CoderKind.FAST,
                "0123456789abcdef", 2, 100, 1000, InputKind.WAV, 19531, new byte[44], FastRecord.of(0), 0, 0),
                "the fast path came with version 7");
        byte[] b = v7.toBytes();
        b[4] = StreamHeader.VERSION_6;
        ByteBuffer.wrap(b).putInt(b.length - 4, StreamHeader.crc(b, 0, b.length - 4));
        assertTrue(refusal(b).contains("coder id 4 in a version 6 stream"), refusal(b));
        b = v7.toBytes();
        b[b.length - 5] = 3; // the variant, the record's last byte
        ByteBuffer.wrap(b).putInt(b.length - 4, StreamHeader.crc(b, 0, b.length - 4));
        assertTrue(refusal(b).contains("unknown fast-path variant 3"), refusal(b));
        b = v7.toBytes();
        b[4] = 11;
        assertTrue(refusal(b).contains("version 11 is not supported"), refusal(b));
        b = v7.toBytes();
        b[4] = StreamHeader.VERSION_9;
        ByteBuffer.wrap(b).putInt(b.length - 4, StreamHeader.crc(b, 0, b.length - 4));
        assertTrue(refusal(b).contains("coder id 4 in a version 9 stream"), refusal(b));
    }

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
        ByteBuffer.wrap(b).putInt(35, 0xFFFFFFF0);
        assertTrue(refusal(b).contains("file header length"));
    }

    @Test
    void inputKindAndRateAreKeptAndChecked() throws Exception {
        StreamHeader raw = new StreamHeader(StreamHeader.VERSION_9, CoderKind.RANK, "0123456789abcdef", 384, 100,
                20_000_000L, InputKind.SPIKEGLX, 30000.125, new byte[0]);
        StreamHeader back = StreamHeader.read(new ByteArrayInputStream(raw.toBytes()));
        assertEquals(InputKind.SPIKEGLX, back.kind());
        assertEquals(30000.125, back.rate());
        assertEquals(20_000_000L, back.samplesPerChannel(), "flat files may pass a WAV's 4 GB");
        byte[] b = raw.toBytes();
        b[24] = 9;
        ByteBuffer.wrap(b).putInt(b.length - 4, StreamHeader.crc(b, 0, b.length - 4));
        assertTrue(refusal(b).contains("unknown input kind 9"));
        b = raw.toBytes();
        ByteBuffer.wrap(b).putDouble(25, Double.NaN);
        ByteBuffer.wrap(b).putInt(b.length - 4, StreamHeader.crc(b, 0, b.length - 4));
        assertTrue(refusal(b).contains("sample rate"));
        assertThrows(IllegalArgumentException.class, () -> new StreamHeader(StreamHeader.VERSION_9, CoderKind.RANK,
                "0123456789abcdef", 1, 100, 100, InputKind.RAW, 0, new byte[4]), "flat files have no header");
    }

    @Test
    void versionTwoStreamsStillRead() throws Exception {
        StreamHeader v2 = new StreamHeader(StreamHeader.VERSION_2, CoderKind.ARITH, "0123456789abcdef", 2, 100, 1000,
                InputKind.WAV, 0, new byte[44]);
        byte[] bytes = v2.toBytes();
        assertEquals(StreamHeader.FIXED_BYTES_2 + 44 + 4, bytes.length);
        StreamHeader back = StreamHeader.read(new ByteArrayInputStream(bytes));
        assertEquals(2, back.version());
        assertEquals(InputKind.WAV, back.kind());
        assertEquals(1000, back.samplesPerChannel());
        assertEquals(bytes.length, back.length());
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
