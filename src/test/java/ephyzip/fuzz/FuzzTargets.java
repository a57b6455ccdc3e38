package ephyzip.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import ephyzip.Codec;
import ephyzip.TestModels;
import ephyzip.format.Inputs;
import ephyzip.format.WavFile;
import ephyzip.io.BadInputException;
import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;
import ephyzip.stream.StreamReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzz tests (Jazzer) of every parser and decoder. The rule for each input, as the
 * CLI applies it: a clean {@link BadInputException} (exit 3), or success with a byte-exact round
 * trip. Any other exception, an assertion failure or a hang is a finding.
 *
 * <p>{@code mvn verify} runs each target on its committed inputs (regression mode:
 * {@code src/test/resources/ephyzip/fuzz/FuzzTargetsInputs/TARGET/}, seeds and every finding);
 * {@code bin/fuzz TARGET MINUTES} fuzzes one for real (see docs/manual.md).
 */
class FuzzTargets {
    private static final Codec CODEC = codec();
    /** Inputs larger than this are cut: coverage comes from structure, not size, and time stays bounded. */
    private static final int MAX_INPUT = 1 << 16;
    private static Path dir;

    private static Codec codec() {
        try {
            // the bigram model: the stream reader is the same for every model, and it decodes ten times faster
            return new Codec(TestModels.bigram());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("ephyzip-fuzz");
            Path d = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(d)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a temporary folder left behind
                }
            }));
        }
        return dir;
    }

    /** A stream of any bytes: the reader with every coder, alphabet record and layout it meets. */
    @FuzzTest(maxDuration = "5m")
    void streamDecode(byte[] data) {
        if (data.length > MAX_INPUT) {
            return;
        }
        try {
            CODEC.decode(data);
        } catch (BadInputException expected) {
            // refused cleanly
        }
    }

    /** The frame-by-frame reader and the packet reader of a live link. */
    @FuzzTest(maxDuration = "5m")
    void packets(FuzzedDataProvider in) throws IOException {
        byte[] header = in.consumeBytes(in.consumeInt(0, 400));
        try {
            StreamReader r = CODEC.openPackets(header);
            for (int i = 0; i < 8 && in.remainingBytes() > 0; i++) {
                if (r.decodePacket(in.consumeBytes(in.consumeInt(0, 4096))) == null) {
                    break;
                }
            }
        } catch (BadInputException expected) {
            // refused cleanly
        }
    }

    /** A WAV file: refused cleanly, or it round-trips byte for byte through the coder the input picks. */
    @FuzzTest(maxDuration = "5m")
    void wav(FuzzedDataProvider in) throws IOException {
        CoderKind coder = CoderKind.values()[in.consumeInt(0, CoderKind.values().length - 1)];
        byte[] bytes = in.consumeRemainingAsBytes();
        if (bytes.length > MAX_INPUT || coder == CoderKind.STORED) {
            return;
        }
        Path f = dir().resolve("x.wav");
        Files.write(f, bytes);
        roundTrip(f, null, coder);
    }

    /** {@code data} cut at its first zero byte: the sidecar's bytes before it, the data file's after. */
    private static byte[][] split(byte[] data) {
        int z = 0;
        while (z < data.length && data[z] != 0) {
            z++;
        }
        return new byte[][] {java.util.Arrays.copyOf(data, z),
                java.util.Arrays.copyOfRange(data, Math.min(data.length, z + 1), data.length)};
    }

    /** A SpikeGLX recording: any .meta bytes beside any .bin bytes (split at the first zero byte). */
    @FuzzTest(maxDuration = "5m")
    void spikeGlx(byte[] data) throws IOException {
        withSidecar(data, "glx", "r_g0_t0.imec0.ap.meta", "r_g0_t0.imec0.ap.bin");
    }

    /** An Open Ephys recording: any structure.oebin bytes over any continuous.dat bytes (split at the first zero byte). */
    @FuzzTest(maxDuration = "5m")
    void openEphys(byte[] data) throws IOException {
        withSidecar(data, "oe/recording1", "structure.oebin", "continuous/Rhythm-100.0/continuous.dat");
    }

    /** Writes {@code data}'s sidecar and data file under {@code folder} and round-trips the data file. */
    private static void withSidecar(byte[] data, String folder, String sidecar, String file) throws IOException {
        byte[][] parts = split(data);
        if (parts[1].length > MAX_INPUT) {
            return;
        }
        Path d = dir().resolve(folder);
        Path f = d.resolve(file);
        Files.createDirectories(f.getParent());
        Files.write(d.resolve(sidecar), parts[0]);
        Files.write(f, parts[1]);
        roundTrip(f, null, CoderKind.ARITH);
    }

    /** A flat file with any --channels and --rate the CLI would pass on. */
    @FuzzTest(maxDuration = "5m")
    void flat(FuzzedDataProvider in) throws IOException {
        int channels = in.consumeInt(1, Inputs.MAX_CHANNELS);
        double rate = in.consumeRegularDouble(1e-3, 1e9);
        CoderKind coder = in.consumeBoolean() ? CoderKind.ARITH : CoderKind.RESIDUAL;
        byte[] bytes = in.consumeRemainingAsBytes();
        if (bytes.length > MAX_INPUT) {
            return;
        }
        Path f = dir().resolve("x.dat");
        Files.write(f, bytes);
        roundTrip(f, new Inputs.Layout(channels, rate), coder);
    }

    /**
     * A model file: refused cleanly, or it codes a short recording both ways. The first byte
     * chooses what the rest is: odd, the file's bytes; even, the body inside a valid container
     * (magic, version, XZ), so that fuzzing reaches the body's parser past the XZ checksum.
     */
    @FuzzTest(maxDuration = "5m")
    void modelFile(byte[] data) throws IOException {
        if (data.length < 1 || data.length > 1 << 18) {
            return;
        }
        byte[] rest = java.util.Arrays.copyOfRange(data, 1, data.length);
        byte[] file = (data[0] & 1) == 1 ? rest : container(rest);
        ModelFile m;
        try {
            m = ModelFile.parse("fuzz.ezm", file);
        } catch (BadInputException expected) {
            return;
        }
        short[] samples = new short[300];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((i * 37 % 23) - 11);
        }
        WavFile wav = WavFile.of(19531, samples);
        Codec c = new Codec(m);
        for (CoderKind coder : new CoderKind[] {CoderKind.ARITH, CoderKind.RANK}) {
            try {
                assertArrayEquals(wav.toBytes(), c.decode(c.encode(wav, coder)), coder.label());
            } catch (BadInputException e) {
                throw new AssertionError("a model that parsed cannot code: " + e.getMessage(), e);
            }
        }
    }

    /** {@code body} as a model file's XZ stream, behind the magic and version. */
    private static byte[] container(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'E', 'Z', 'M', 0x1A, (byte) ModelFile.VERSION});
        try (org.tukaani.xz.XZOutputStream xz = new org.tukaani.xz.XZOutputStream(out,
                new org.tukaani.xz.LZMA2Options(0))) {
            xz.write(body);
        }
        return out.toByteArray();
    }

    private static void roundTrip(Path f, Inputs.Layout layout, CoderKind coder) throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try {
            CODEC.encodeFile(f, layout, stream, coder, null, null, null);
        } catch (BadInputException expected) {
            return;
        }
        byte[] decoded;
        try {
            decoded = CODEC.decode(stream.toByteArray());
        } catch (BadInputException e) {
            throw new AssertionError("a stream ephyzip wrote does not decode: " + e.getMessage(), e);
        }
        assertArrayEquals(Files.readAllBytes(f), decoded, "round trip of " + f.getFileName());
    }
}
