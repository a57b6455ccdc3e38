package ephyzip.stream;

import ephyzip.coding.ArithmeticDecoder;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.coding.CumulativeFrequencies;
import ephyzip.coding.FrequencyTable;
import ephyzip.io.BitInputStream;
import ephyzip.io.BitOutputStream;
import ephyzip.io.CorruptStreamException;
import ephyzip.model.Alphabet;
import ephyzip.predict.ModelPredictor;

/**
 * Arithmetic coding of each token under the predictor's frequency table. An escape symbol is
 * followed by the raw 16-bit sample, coded as two uniform bytes. One coder runs through all
 * channels of a frame and is flushed once at its end.
 */
public final class ArithPayloadCoder implements PayloadCoder {
    private static final FrequencyTable UNIFORM_BYTE = CumulativeFrequencies.of(filled(256));

    @Override
    public byte[] encodeFrame(ChannelPredictors predictors, Alphabet alphabet, short[][] samples, int n) {
        BitOutputStream out = new BitOutputStream();
        ArithmeticEncoder enc = new ArithmeticEncoder(out);
        int escape = alphabet.size();
        for (int c = 0; c < predictors.channels(); c++) {
            ModelPredictor predictor = predictors.get(c);
            short[] channel = samples[c];
            for (int i = 0; i < n; i++) {
                short s = channel[i];
                int token = alphabet.token(s);
                predictor.predict();
                if (token < 0) {
                    predictor.encode(enc, escape);
                    enc.write(UNIFORM_BYTE, (s >>> 8) & 0xFF);
                    enc.write(UNIFORM_BYTE, s & 0xFF);
                    predictor.update(escape, alphabet.nearest(s));
                } else {
                    predictor.encode(enc, token);
                    predictor.update(token, token);
                }
            }
        }
        enc.finish();
        return out.finish();
    }

    @Override
    public void decodeFrame(ChannelPredictors predictors, Alphabet alphabet, byte[] payload, long payloadOffset,
                            short[][] out, int n) throws CorruptStreamException {
        BitInputStream in = new BitInputStream(payload, 0, payload.length, payloadOffset);
        ArithmeticDecoder dec = new ArithmeticDecoder(in);
        int escape = alphabet.size();
        for (int c = 0; c < predictors.channels(); c++) {
            ModelPredictor predictor = predictors.get(c);
            short[] channel = out[c];
            for (int i = 0; i < n; i++) {
                predictor.predict();
                int symbol = predictor.decode(dec);
                int token = symbol;
                if (symbol == escape) {
                    int hi = dec.read(UNIFORM_BYTE);
                    int lo = dec.read(UNIFORM_BYTE);
                    short sample = (short) ((hi << 8) | lo);
                    channel[i] = sample;
                    token = alphabet.nearest(sample);
                } else if (symbol > escape) {
                    throw new CorruptStreamException("symbol " + token + " outside the alphabet", in.offset());
                } else {
                    channel[i] = alphabet.value(token);
                }
                predictor.update(symbol, token);
            }
        }
    }

    private static int[] filled(int n) {
        int[] f = new int[n];
        java.util.Arrays.fill(f, 1);
        return f;
    }
}
