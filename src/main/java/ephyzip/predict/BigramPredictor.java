package ephyzip.predict;

import ephyzip.coding.ArithmeticDecoder;
import ephyzip.coding.ArithmeticEncoder;
import ephyzip.coding.Ranking;
import ephyzip.io.CorruptStreamException;
import ephyzip.model.BigramTable;

/** Predicts the next token from the previous one through a {@link BigramTable}. */
final class BigramPredictor implements ModelPredictor {
    private final BigramTable table;
    private final int startToken;
    private final ProtocolCheck check = new ProtocolCheck();
    private int prev;

    /** {@code startToken} stands for the sample before the first one. */
    BigramPredictor(BigramTable table, int startToken) {
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
        check.reset();
    }

    @Override
    public void predict() {
        check.predicted();
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
    public void update(int symbol, int token) {
        check.updated();
        prev = token;
    }
}
