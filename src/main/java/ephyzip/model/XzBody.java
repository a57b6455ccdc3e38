package ephyzip.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import org.tukaani.xz.LZMA2InputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Decompresses a model file's XZ body. The shape {@link ModelFile} writes (one block, the LZMA2
 * filter alone, a CRC64 check) is read here: the headers, the index and the footer checked
 * field by field and by their CRC32s, the data by LZMA2 and its CRC64. Any other XZ file goes
 * to {@link XZInputStream}.
 *
 * <p>Why not {@link XZInputStream} always: it hashes the index with SHA-256 from the JDK's
 * security providers, and a process that asks for them first loads and initializes them, about
 * 40 ms, interpreted, of every command's start (measured 2026-11-30: a 64-channel decode).
 */
final class XzBody {
    private static final byte[] MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    private static final int CHECK_CRC64 = 0x04;
    private static final int FILTER_LZMA2 = 0x21;
    /** ECMA-182's polynomial, bit-reversed, as XZ's CRC64. */
    private static final long POLY64 = 0xC96C5795D7870F42L;
    private static final long[] TABLE64 = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long r = i;
            for (int k = 0; k < 8; k++) {
                r = (r >>> 1) ^ (POLY64 & -(r & 1));
            }
            TABLE64[i] = r;
        }
    }

    private XzBody() {
    }

    /**
     * The decompressed bytes of the XZ stream {@code b[off..]}, at most {@code maxBytes} (more is
     * an {@link IOException}, as is any damage); {@code memoryLimitKiB} as {@link XZInputStream}'s.
     */
    static byte[] decompress(byte[] b, int off, int maxBytes, int memoryLimitKiB) throws IOException {
        int dictSize = plainDictSize(b, off);
        if (dictSize >= 0 && LZMA2InputStream.getMemoryUsage(dictSize) > memoryLimitKiB) {
            throw new IOException("XZ dictionary over the memory limit (" + memoryLimitKiB + " KiB)");
        }
        InputStream in;
        int data = dictSize < 0 ? -1 : blockData(b, off);
        if (dictSize < 0) {
            in = new XZInputStream(new ByteArrayInputStream(b, off, b.length - off), memoryLimitKiB);
        } else {
            in = new LZMA2InputStream(new ByteArrayInputStream(b, data, b.length - data), dictSize);
        }
        byte[] out;
        try (in) {
            out = in.readNBytes(maxBytes + 1);
        }
        if (out.length > maxBytes) {
            throw new IOException("a body over " + (maxBytes >> 20) + " MB");
        }
        if (dictSize >= 0) {
            checkTail(b, off, data, out);
        }
        return out;
    }

    /** Where the block's compressed data starts, in a stream {@link #plainDictSize} accepted. */
    private static int blockData(byte[] b, int off) {
        return off + 12 + ((b[off + 12] & 0xFF) + 1) * 4;
    }

    /**
     * The LZMA2 dictionary size when {@code b[off..]} starts with a stream header of a CRC64 check
     * and a block header of the LZMA2 filter alone and no size fields, both with good CRC32s; else
     * -1 (another shape, or damage: {@link XZInputStream} then reads it, and reports the damage).
     */
    static int plainDictSize(byte[] b, int off) {
        if (b.length - off < 12 + 12 + 12 + 12) {
            return -1;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[off + i] != MAGIC[i]) {
                return -1;
            }
        }
        if (b[off + 6] != 0 || b[off + 7] != CHECK_CRC64 || crc32(b, off + 6, 2) != le32(b, off + 8)) {
            return -1;
        }
        int h = off + 12;
        int size = ((b[h] & 0xFF) + 1) * 4;
        // size byte, flags (one filter, no sizes), LZMA2's id, one property byte, the dictionary
        if (size != 12 || b[h + 1] != 0 || b[h + 2] != FILTER_LZMA2 || b[h + 3] != 1
                || b[h + 5] != 0 || b[h + 6] != 0 || b[h + 7] != 0 || crc32(b, h, 8) != le32(b, h + 8)) {
            return -1;
        }
        int bits = b[h + 4] & 0xFF;
        if (bits > 40) {
            return -1;
        }
        long dict = bits == 40 ? 0xFFFFFFFFL : (2L | (bits & 1)) << (bits / 2 + 11);
        return dict > LZMA2InputStream.DICT_SIZE_MAX ? -1 : (int) Math.max(dict, LZMA2InputStream.DICT_SIZE_MIN);
    }

    /**
     * Checks what follows the block's compressed data (from {@code dataStart}): zero padding to 4
     * bytes, the CRC64 of {@code data}, an index of that one block, and the stream footer; the
     * file ends there.
     */
    private static void checkTail(byte[] b, int off, int dataStart, byte[] data) throws IOException {
        int start = off + 12;
        int end = compressedEnd(b, dataStart);
        int p = end;
        while ((p - start) % 4 != 0) {
            expect(p < b.length && b[p] == 0, "block padding");
            p++;
        }
        expect(p + 8 <= b.length && le64(b, p) == crc64(data), "the data's check (CRC64)");
        long unpadded = (end - start) + 8L;
        p += 8;
        int index = p;
        expect(p < b.length && b[p++] == 0, "index");
        long[] field = new long[1];
        p = vli(b, p, field);
        expect(field[0] == 1, "index: one block");
        p = vli(b, p, field);
        expect(field[0] == unpadded, "index: block size");
        p = vli(b, p, field);
        expect(field[0] == data.length, "index: data size");
        while ((p - index) % 4 != 0) {
            expect(p < b.length && b[p] == 0, "index padding");
            p++;
        }
        expect(p + 4 <= b.length && crc32(b, index, p - index) == le32(b, p), "index check");
        p += 4;
        int footer = p;
        expect(b.length - footer == 12, "stream footer");
        expect(crc32(b, footer + 4, 6) == le32(b, footer), "footer check");
        expect((le32(b, footer + 4) + 1) * 4 == footer - index, "footer: index size");
        expect(b[footer + 8] == 0 && b[footer + 9] == CHECK_CRC64 && b[footer + 10] == 'Y' && b[footer + 11] == 'Z',
                "footer");
    }

    /** The end of the LZMA2 chunks from {@code p} (after their end marker, a 0 byte). */
    private static int compressedEnd(byte[] b, int p) throws IOException {
        while (true) {
            expect(p < b.length, "LZMA2 data");
            int control = b[p] & 0xFF;
            if (control == 0) {
                return p + 1;
            }
            expect(control == 1 || control == 2 || control >= 0x80, "LZMA2 chunk");
            if (control < 0x80) { // uncompressed chunk: 2 bytes of size - 1
                expect(p + 3 <= b.length, "LZMA2 chunk");
                p += 3 + ((b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF)) + 1;
            } else { // LZMA chunk: 2 more bytes of unpacked size, 2 of packed size - 1, maybe a property byte
                expect(p + 5 <= b.length, "LZMA2 chunk");
                int packed = ((b[p + 3] & 0xFF) << 8 | (b[p + 4] & 0xFF)) + 1;
                p += 5 + (control >= 0xC0 ? 1 : 0) + packed;
            }
        }
    }

    private static int vli(byte[] b, int p, long[] out) throws IOException {
        long v = 0;
        for (int i = 0; i < 9; i++) {
            expect(p < b.length, "index");
            int x = b[p++] & 0xFF;
            v |= (long) (x & 0x7F) << (7 * i);
            if ((x & 0x80) == 0) {
                out[0] = v;
                return p;
            }
        }
        throw new IOException("XZ index: a bad number");
    }

    private static void expect(boolean ok, String what) throws IOException {
        if (!ok) {
            throw new IOException("XZ " + what + " is damaged");
        }
    }

    private static long crc32(byte[] b, int off, int len) {
        CRC32 c = new CRC32();
        c.update(b, off, len);
        return c.getValue();
    }

    static long crc64(byte[] data) {
        long c = -1;
        for (byte x : data) {
            c = TABLE64[(int) ((c ^ x) & 0xFF)] ^ (c >>> 8);
        }
        return ~c;
    }

    private static long le32(byte[] b, int p) {
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }

    private static long le64(byte[] b, int p) {
        return le32(b, p) | le32(b, p + 4) << 32;
    }
}
