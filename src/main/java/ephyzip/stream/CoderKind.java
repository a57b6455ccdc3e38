package ephyzip.stream;

import ephyzip.model.Model;

/** The payload coders a stream may use, with their ids in the stream header. */
public enum CoderKind {
    RANK(0),
    ARITH(1),
    /** The samples as they are: what the encoder chooses for a recording no model can predict (noise). */
    STORED(2),
    /**
     * The residual path (stream format 5): any sample values, predicted by least squares and LMS
     * stages and their residuals coded under an adaptive model: what the encoder chooses for
     * recordings off the model's grid.
     */
    RESIDUAL(3),
    /**
     * The fast residual path (stream format 7, levels 1 to 3): any sample values, predicted by
     * an autocorrelation fit and coded with a few decisions a sample and plain low bits.
     */
    FAST(4);

    public final int id;

    CoderKind(int id) {
        this.id = id;
    }

    public static CoderKind ofId(int id) {
        for (CoderKind k : values()) {
            if (k.id == id) {
                return k;
            }
        }
        return null;
    }

    /** Whether this is one of the grid path's coders (rank, arith), which code the model's tokens. */
    public boolean grid() {
        return this == RANK || this == ARITH;
    }

    /** Whether this is one of the residual paths, which read no model (no grid, no alphabet). */
    public boolean residual() {
        return this == RESIDUAL || this == FAST;
    }

    public String label() {
        return name().toLowerCase();
    }

    /**
     * The coder of a stream with header {@code h}: in coder segments where the header says so,
     * run on {@code pool} (null: on the caller's thread).
     */
    public PayloadCoder coderFor(Model model, StreamHeader h, java.util.concurrent.ExecutorService pool) {
        PayloadCoder inner = switch (this) {
            case RESIDUAL -> new ResidualPayloadCoder(ResidualRecord.presets(h.alphabetRecord(), h.channels()),
                    ResidualRecord.periods(h.alphabetRecord(), h.channels()));
            case FAST -> new FastPayloadCoder(FastRecord.variant(h.alphabetRecord()));
            default -> coderFor(model, h.version());
        };
        return SegmentedCoder.of(inner, h, pool);
    }

    /** The coder of a stream of format {@code version} (format 2's rank coder learned escapes differently). */
    public PayloadCoder coderFor(Model model, int version) {
        return switch (this) {
            case RANK -> new RankPayloadCoder(model.tierCode(), version == StreamHeader.VERSION_2);
            case ARITH -> new ArithPayloadCoder();
            case STORED -> new StoredPayloadCoder();
            case RESIDUAL -> new ResidualPayloadCoder(new byte[StreamHeader.MAX_CHANNELS],
                    new int[StreamHeader.MAX_CHANNELS]);
            case FAST -> new FastPayloadCoder(ephyzip.residual.FastChannel.DEFAULT_VARIANT);
        };
    }
}
