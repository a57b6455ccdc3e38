package ephyzip.predict;

import ephyzip.coding.ArithmeticDecoder;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.stream.CorruptStreamException;
import ephyzip.model.BigramTable;

/** Predicts the next token from the previous one through a {@link BigramTable}. */
public final class BigramPredictor implements Predictor {
    private final BigramTable table;
    private final int startToken;
    private int prev;

    /** {@code startToken} stands for the sample before the first one. */
    public BigramPredictor(BigramTable table, int startToken) {
        this.table = table;
        this.startToken = startToken;
        this.prev = startToken;
    }

    @Override
    public int alphabetSize() {
        return table.size();
    }

    @Override
    public void reset() {
        prev = startToken;
    }

    @Override
    public void encode(ArithmeticEncoder enc, int symbol) {
        enc.write(table.frequencies(prev), symbol);
    }

    @Override
    public int decode(ArithmeticDecoder dec) throws CorruptStreamException {
        return dec.read(table.frequencies(prev));
    }

    @Override
    public double probability(int symbol) {
        return table.frequencies(prev).get(symbol) / (double) BigramTable.TOTAL;
    }

    @Override
    public Ranking ranking() {
        return table.ranking(prev);
    }

    @Override
    public void update(int token) {
        prev = token;
    }
}
