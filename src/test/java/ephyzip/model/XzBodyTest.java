package ephyzip.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ephyzip.TestModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * {@link XzBody} against {@link XZInputStream}, the reader it stands in for: the same bytes from
 * every file it accepts, and every damaged file refused.
 */
class XzBodyTest {
    private static final int BODY = 5; // a model file's magic and version come first
    private static final int LIMIT_KIB = 8 << 10;

    private static byte[] reference(byte[] file) throws IOException {
        try (XZInputStream in = new XZInputStream(new ByteArrayInputStream(file, BODY, file.length - BODY), LIMIT_KIB)) {
            return in.readAllBytes();
        }
    }

    @Test
    void shippedModelsTakeThePlainPathAndReadAsXzReadsThem() throws Exception {
        for (ModelFile m : new ModelFile[] {TestModels.cnn(), TestModels.large(), TestModels.bigram()}) {
            byte[] file = m.bytes();
            assertTrue(XzBody.plainDictSize(file, BODY) >= 0, m.fingerprint() + ": not the shape ModelFile writes");
            assertArrayEquals(reference(file), XzBody.decompress(file, BODY, 64 << 20, LIMIT_KIB));
        }
    }

    @Test
    void otherXzShapesAreReadByXzItself() throws Exception {
        ModelFile m = TestModels.bigram();
        byte[] body = reference(m.bytes());
        for (int check : new int[] {XZ.CHECK_NONE, XZ.CHECK_CRC32, XZ.CHECK_SHA256}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(m.bytes(), 0, BODY);
            LZMA2Options opts = new LZMA2Options(6);
            opts.setDictSize(1 << 20);
            try (XZOutputStream xz = new XZOutputStream(out, opts, check)) {
                xz.write(body);
            }
            byte[] file = out.toByteArray();
            assertEquals(-1, XzBody.plainDictSize(file, BODY), "check " + check);
            assertArrayEquals(body, XzBody.decompress(file, BODY, 64 << 20, LIMIT_KIB), "check " + check);
            ModelFile again = ModelFile.parse("recompressed", file);
            assertArrayEquals(m.bytes(), ModelFile.of(again.model()).bytes(), "check " + check);
        }
    }

    @Test
    void everyDamagedByteOfTheContainerIsRefused() throws Exception {
        byte[] good = TestModels.cnn().bytes();
        byte[] body = reference(good);
        // the headers (first 36 bytes) and the tail (last 40): every byte, three flips each;
        // the compressed data between: 300 seeded positions
        long seed = 20261130;
        Random r = new Random(seed);
        int[] positions = new int[76 + 300];
        int k = 0;
        for (int i = 0; i < 36; i++) {
            positions[k++] = BODY + i;
        }
        for (int i = 0; i < 40; i++) {
            positions[k++] = good.length - 1 - i;
        }
        while (k < positions.length) {
            positions[k++] = BODY + 36 + r.nextInt(good.length - BODY - 76);
        }
        for (int at : positions) {
            for (int flip : new int[] {1, 0x80, 1 + r.nextInt(255)}) {
                byte[] bad = good.clone();
                bad[at] ^= (byte) flip;
                byte[] read;
                try {
                    read = XzBody.decompress(bad, BODY, 64 << 20, LIMIT_KIB);
                } catch (IOException e) {
                    continue;
                }
                // accepted: only where XZ itself accepts it, with the same bytes (no flip here should be)
                byte[] ref;
                try {
                    ref = reference(bad);
                } catch (IOException e) {
                    fail("byte " + at + " ^ " + flip + " (seed " + seed + "): accepted, but XZ refuses it: " + e);
                    return;
                }
                assertArrayEquals(ref, read, "byte " + at + " ^ " + flip + ", seed " + seed);
                assertArrayEquals(body, read, "byte " + at + " ^ " + flip + ", seed " + seed + ": other bytes");
            }
        }
    }

    @Test
    void cutFilesAndTrailingBytesAreRefused() throws Exception {
        byte[] good = TestModels.cnn().bytes();
        for (int n = BODY; n < good.length; n += Math.max(1, (good.length - n) / 7)) {
            int cut = n;
            assertThrows(IOException.class, () -> XzBody.decompress(Arrays.copyOf(good, cut), BODY, 64 << 20, LIMIT_KIB),
                    "cut to " + cut);
        }
        assertThrows(IOException.class, () -> XzBody.decompress(Arrays.copyOf(good, good.length + 1), BODY, 64 << 20,
                LIMIT_KIB), "a byte more");
    }

    @Test
    void bodyAndDictionaryLimitsHold() throws Exception {
        byte[] good = TestModels.cnn().bytes();
        int size = reference(good).length;
        assertEquals(size, XzBody.decompress(good, BODY, size, LIMIT_KIB).length);
        IOException big = assertThrows(IOException.class, () -> XzBody.decompress(good, BODY, size - 1, LIMIT_KIB));
        assertTrue(big.getMessage().contains("body over"), big.getMessage());
        // a block header asking a 128 MiB dictionary, its CRC32 mended: refused before any allocation
        byte[] huge = good.clone();
        int h = BODY + 12;
        huge[h + 4] = 30; // (2 | 0) << (15 + 11)
        CRC32 c = new CRC32();
        c.update(huge, h, 8);
        for (int i = 0; i < 4; i++) {
            huge[h + 8 + i] = (byte) (c.getValue() >>> (8 * i));
        }
        assertTrue(XzBody.plainDictSize(huge, BODY) > LIMIT_KIB * 1024);
        IOException e = assertThrows(IOException.class, () -> XzBody.decompress(huge, BODY, 64 << 20, LIMIT_KIB));
        assertTrue(e.getMessage().contains("memory limit"), e.getMessage());
    }

    @Test
    void crc64IsXzs() {
        // the check value of "123456789" in XZ's CRC64 (ECMA-182, reflected), from its specification
        assertEquals(0x995DC9BBDF1939FAL, XzBody.crc64("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
