package ephyzip.model;

import ephyzip.coding.TierCode;
import ephyzip.io.BadInputException;
import ephyzip.io.ByteReader;
import ephyzip.io.Varint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * The {@code .ezm} model file: the 4 bytes {@code EZM\x1a}, a version byte, then an XZ stream
 * (which checks itself with CRC64) holding: the kind (UTF), the card (count, then key/value
 * UTF pairs), the alphabet (size, first value, then varint gaps), the 5 tier code lengths, and the
 * bigram table (alpha as a double, then per previous token: the number of non-zero counts and
 * for each a varint gap in next token and a varint count).
 */
public final class ModelFile {
    public static final int VERSION = 1;
    /** XZ dictionary: larger than any model body, small enough for a decoder in a small heap. */
    static final int DICT_BYTES = 1 << 20;
    /** Memory a model file may ask of the XZ reader; a damaged or hostile file asking more is refused. */
    private static final int READ_LIMIT_KIB = 8 << 10;
    /**
     * A body larger than this is refused before it is read whole: a full bigram table of the
     * largest alphabet takes under 8 MB, and a damaged or hostile file must not fill the heap.
     */
    private static final int MAX_BODY_BYTES = 64 << 20;
    private static final byte[] MAGIC = {'E', 'Z', 'M', 0x1A};
    private static final int MAX_CARD_ENTRIES = 1000;

    private final Model model;
    private final byte[] bytes;
    private final String fingerprint;

    private ModelFile(Model model, byte[] bytes) {
        this(model, bytes, fingerprintOf(bytes));
    }

    private ModelFile(Model model, byte[] bytes, String fingerprint) {
        this.model = model;
        this.bytes = bytes;
        this.fingerprint = fingerprint;
    }

    public Model model() {
        return model;
    }

    /** The file's bytes; their count is what a model costs in a ratio. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int byteCount() {
        return bytes.length;
    }

    /** First 8 bytes of the SHA-256 of the file, as 16 hex digits. */
    public String fingerprint() {
        return fingerprint;
    }

    public static ModelFile of(Model model) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            raw.write(MAGIC);
            raw.write(VERSION);
            LZMA2Options opts = new LZMA2Options(9);
            opts.setDictSize(DICT_BYTES); // the reader allocates the dictionary whole: keep it small
            try (XZOutputStream xz = new XZOutputStream(raw, opts);
                 DataOutputStream out = new DataOutputStream(xz)) {
                writeBody(model, out);
            }
            return new ModelFile(model, raw.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    /** Parses model bytes; {@code name} names the file in error messages. */
    public static ModelFile parse(String name, byte[] bytes) throws BadInputException {
        return parse(name, bytes, fingerprintOf(bytes));
    }

    /**
     * Parses model bytes when their fingerprint is {@code fingerprint}; null, and nothing parsed,
     * when it is another. For finding a stream's model among several files: each is hashed once.
     */
    public static ModelFile parseIf(String fingerprint, String name, byte[] bytes) throws BadInputException {
        String actual = fingerprintOf(bytes);
        return actual.equals(fingerprint) ? parse(name, bytes, actual) : null;
    }

    private static ModelFile parse(String name, byte[] bytes, String fingerprint) throws BadInputException {
        if (bytes.length < MAGIC.length + 1 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new BadInputException(name + ": not an ephyzip model file");
        }
        if (bytes[MAGIC.length] != VERSION) {
            throw new BadInputException(name + ": model format version " + bytes[MAGIC.length]
                    + " is not supported (this ephyzip reads version " + VERSION + ")");
        }
        // decompressed whole, then read from the array: read a byte at a time through a buffer and
        // the XZ stream, interpreted at a long job's start, it took a third longer (ByteReader)
        try {
            byte[] whole = XzBody.decompress(bytes, MAGIC.length + 1, MAX_BODY_BYTES, READ_LIMIT_KIB);
            ByteReader in = new ByteReader(whole);
            Model model = readBody(in);
            if (in.remaining() != 0) {
                throw new IOException("unexpected bytes after the model");
            }
            return new ModelFile(model, bytes.clone(), fingerprint);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name + ": damaged model file (" + e.getMessage() + ")");
        }
    }

    private static void writeBody(Model model, DataOutputStream out) throws IOException {
        out.writeUTF(model.kind().label);
        Map<String, String> card = model.card();
        Varint.write(out, card.size());
        for (Map.Entry<String, String> e : card.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        short[] values = model.alphabet().values();
        Varint.write(out, values.length);
        out.writeShort(values[0]);
        for (int i = 1; i < values.length; i++) {
            Varint.write(out, values[i] - values[i - 1]);
        }
        for (int len : model.tierCode().lengths()) {
            out.writeByte(len);
        }
        BigramTable t = model.bigram();
        out.writeDouble(t.alpha());
        for (int p = 0; p < t.size(); p++) {
            int nonZero = 0;
            for (int n = 0; n < t.size(); n++) {
                nonZero += t.count(p, n) != 0 ? 1 : 0;
            }
            Varint.write(out, nonZero);
            int last = -1;
            for (int n = 0; n < t.size(); n++) {
                if (t.count(p, n) != 0) {
                    Varint.write(out, n - last - 1);
                    Varint.write(out, t.count(p, n));
                    last = n;
                }
            }
        }
        if (model.cnn() != null) {
            Varint.write(out, model.thresholdQ16());
            writeCnn(out, model.cnn());
        }
    }

    private static void writeCnn(DataOutputStream out, CnnWeights cnn) throws IOException {
        Varint.write(out, cnn.band());
        Varint.write(out, cnn.layers().size());
        for (QuantLayer l : cnn.layers()) {
            Varint.write(out, l.in());
            Varint.write(out, l.out());
            Varint.write(out, l.taps());
            Varint.write(out, l.dilation());
            Varint.write(out, l.shift());
            out.writeBoolean(l.relu());
            for (int w : l.weights()) {
                Varint.write(out, zigzag(w));
            }
            for (long b : l.bias()) {
                Varint.write(out, zigzag(b));
            }
        }
    }

    private static CnnWeights readCnn(ByteReader in) throws IOException {
        int band = Varint.readInt(in, 256, "band");
        int count = Varint.readInt(in, 64, "layer count");
        java.util.List<QuantLayer> layers = new java.util.ArrayList<>();
        for (int k = 0; k < count; k++) {
            int lin = Varint.readInt(in, 256, "layer inputs");
            int lout = Varint.readInt(in, 1024, "layer outputs");
            int taps = Varint.readInt(in, 2, "taps");
            int dilation = Varint.readInt(in, 4096, "dilation");
            int shift = Varint.readInt(in, 24, "shift");
            boolean relu = in.readBoolean();
            int[] w = new int[lout * taps * lin];
            for (int i = 0; i < w.length; i++) {
                w[i] = (int) unzigzag(Varint.read(in));
            }
            long[] b = new long[lout];
            for (int i = 0; i < b.length; i++) {
                b[i] = unzigzag(Varint.read(in));
                if (Math.abs(b[i]) > 1L << 40) {
                    throw new IOException("bias out of range");
                }
            }
            layers.add(new QuantLayer(lin, lout, taps, dilation, shift, w, b, relu));
        }
        return new CnnWeights(layers, band);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static Model readBody(ByteReader in) throws IOException {
        String label = in.readUtf();
        ModelKind kind = ModelKind.ofLabel(label);
        if (kind == null) {
            throw new IOException("unknown model kind '" + label + "'");
        }
        int entries = Varint.readInt(in, MAX_CARD_ENTRIES, "card entries");
        Map<String, String> card = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            card.put(readString(in), readString(in));
        }
        int size = Varint.readInt(in, Alphabet.MAX_SIZE, "alphabet size");
        if (size == 0) {
            throw new IOException("empty alphabet");
        }
        short[] values = new short[size];
        int v = in.readShort();
        values[0] = (short) v;
        for (int i = 1; i < size; i++) {
            v += Varint.readInt(in, 65535, "alphabet step") ;
            if (v > Short.MAX_VALUE) {
                throw new IOException("alphabet value out of range");
            }
            values[i] = (short) v;
        }
        int[] lengths = new int[TierCode.TIERS];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = in.readUnsignedByte();
        }
        double alpha = in.readDouble();
        if (!(alpha > 0 && alpha < 1e12)) {
            throw new IOException("bad smoothing weight " + alpha);
        }
        int[][] counts = new int[size][size];
        long[] steps = new long[2 * size - 1];
        for (int p = 0; p < size; p++) {
            int nonZero = Varint.readInt(in, size, "row length");
            int n = -1;
            for (int k = 0; k < nonZero; k++) {
                n += 1 + Varint.readInt(in, size, "gap");
                if (n >= size) {
                    throw new IOException("count outside the table");
                }
                int c = Varint.readInt(in, Integer.MAX_VALUE, "count");
                counts[p][n] = c;
                steps[n - p + size - 1] += c;
            }
        }
        Alphabet alphabet = new Alphabet(values);
        BigramTable table = new BigramTable(counts, alpha, steps);
        if (kind == ModelKind.CNN) {
            int threshold = Varint.readInt(in, 1 << 16, "threshold");
            CnnWeights cnn = readCnn(in);
            return new Model(alphabet, table, new TierCode(lengths), card, cnn, threshold);
        }
        return new Model(alphabet, table, new TierCode(lengths), card);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Varint.write(out, b.length);
        out.write(b);
    }

    private static String readString(ByteReader in) throws IOException {
        return new String(in.readBytes(Varint.readInt(in, 1 << 20, "string length")), StandardCharsets.UTF_8);
    }

    /** The fingerprint a model file of these bytes has, without parsing them. */
    public static String fingerprintOf(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.digest(bytes), 0, 8);
    }
}
