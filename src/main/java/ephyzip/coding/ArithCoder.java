package ephyzip.coding;

import ephyzip.model.Alphabet;
import ephyzip.predict.Predictor;
import ephyzip.stream.CorruptStreamException;

/**
 * Arithmetic coding of each token under the predictor's frequency table. An escape symbol is
 * followed by the raw 16-bit sample, coded as two uniform bytes.
 */
public final class ArithCoder implements PayloadCoder {
    private static final FrequencyTable UNIFORM_BYTE = CumulativeFrequencies.of(filled(256));

    @Override
    public byte[] encode(Predictor predictor, Alphabet alphabet, short[] samples) {
        BitOutputStream out = new BitOutputStream();
        ArithmeticEncoder enc = new ArithmeticEncoder(out);
        predictor.reset();
        int escape = alphabet.size();
        for (short s : samples) {
            int token = alphabet.token(s);
            if (token < 0) {
                predictor.encode(enc, escape);
                enc.write(UNIFORM_BYTE, (s >>> 8) & 0xFF);
                enc.write(UNIFORM_BYTE, s & 0xFF);
                token = alphabet.nearest(s);
            } else {
                predictor.encode(enc, token);
            }
            predictor.update(token);
        }
        enc.finish();
        return out.finish();
    }

    @Override
    public short[] decode(Predictor predictor, Alphabet alphabet, byte[] payload, int count, long payloadOffset)
            throws CorruptStreamException {
        BitInputStream in = new BitInputStream(payload, 0, payload.length, payloadOffset);
        ArithmeticDecoder dec = new ArithmeticDecoder(in);
        SampleBuffer out = new SampleBuffer(count);
        predictor.reset();
        int escape = alphabet.size();
        for (int i = 0; i < count; i++) {
            int token = predictor.decode(dec);
            if (token == escape) {
                int hi = dec.read(UNIFORM_BYTE);
                int lo = dec.read(UNIFORM_BYTE);
                short sample = (short) ((hi << 8) | lo);
                out.add(sample);
                token = alphabet.nearest(sample);
            } else if (token > escape) {
                throw new CorruptStreamException("symbol " + token + " outside the alphabet", in.offset());
            } else {
                out.add(alphabet.value(token));
            }
            predictor.update(token);
        }
        return out.toArray();
    }

    private static int[] filled(int n) {
        int[] f = new int[n];
        java.util.Arrays.fill(f, 1);
        return f;
    }
}
