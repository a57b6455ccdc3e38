package ephyzip.stream;

import ephyzip.model.Model;
















/** The payload coders a stream may use, with their ids in the stream header. */
public enum CoderKind {
    RANK(0),
    ARITH(1);

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

    public String label() {
        return name().toLowerCase();
    }

    public PayloadCoder coderFor(Model model) {
        return this == RANK ? new RankPayloadCoder(model.tierCode()) : new ArithPayloadCoder();
    }
}
