package ephyzip;

import ephyzip.coding.CoderKind;
import ephyzip.model.Model;
import ephyzip.model.ModelFile;
import ephyzip.predict.Predictor;
import ephyzip.stream.CorruptStreamException;
import ephyzip.stream.ModelMismatchException;
import ephyzip.stream.StreamHeader;
import ephyzip.wav.WavFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The public face of ephyzip: WAV recordings to {@code .ezp} streams and back, with one model. */
public final class Codec {
    private final ModelFile modelFile;

    public Codec(ModelFile modelFile) {
        this.modelFile = modelFile;
    }

    public ModelFile modelFile() {
        return modelFile;
    }

    public byte[] encode(WavFile wav, CoderKind coder) {
        return encode(wav, coder, modelFile.model().newPredictor());
    }

    /**
     * Encodes with a given predictor of this model (a measuring wrapper, or another fallback
     * threshold); only {@link #decode(byte[], Predictor)} with an identical predictor reads it.
     */
    public byte[] encode(WavFile wav, CoderKind coder, Predictor predictor) {
        Model model = modelFile.model();
        short[] samples = wav.samples();
        byte[] payload = coder.coderFor(model).encode(predictor, model.alphabet(), samples);
        StreamHeader h = new StreamHeader(StreamHeader.VERSION, coder, modelFile.fingerprint(), samples.length,
                wav.header(), wav.trailer(), samplesCrc(samples), payload.length);
        byte[] head = h.toBytes();
        byte[] out = new byte[head.length + payload.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(payload, 0, out, head.length, payload.length);
        return out;
    }

    public WavFile decode(byte[] stream) throws BadInputException {
        return decode(stream, modelFile.model().newPredictor());
    }

    /** Decodes with a given predictor; see {@link #encode(WavFile, CoderKind, Predictor)}. */
    public WavFile decode(byte[] stream, Predictor predictor) throws BadInputException {
        StreamHeader h = StreamHeader.parse(stream);
        if (!h.modelFingerprint().equals(modelFile.fingerprint())) {
            throw new ModelMismatchException("stream was encoded with model " + h.modelFingerprint()
                    + " but the model given is " + modelFile.fingerprint() + "; decode with the model whose"
                    + " fingerprint is " + h.modelFingerprint());
        }
        Model model = modelFile.model();
        int start = h.length();
        byte[] payload = java.util.Arrays.copyOfRange(stream, start, stream.length);
        short[] samples = h.coder().coderFor(model).decode(predictor, model.alphabet(), payload,
                h.sampleCount(), start);
        if (samplesCrc(samples) != h.samplesCrc()) {
            throw new CorruptStreamException("sample checksum mismatch: the payload is damaged", start);
        }
        return new WavFile(h.wavHeader(), samples, h.wavTrailer());
    }

    /** CRC32 of the samples as they lie in the WAV data chunk (16-bit little-endian). */
    static int samplesCrc(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(samples);
        return StreamHeader.crc(b.array(), 0, b.capacity());
    }
}
