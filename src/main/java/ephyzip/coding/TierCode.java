package ephyzip.coding;

import ephyzip.io.BitInputStream;
import ephyzip.io.BitOutputStream;
import ephyzip.io.CorruptStreamException;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The prefix code that signals a rank coder tier: a canonical code given by one length per tier
 * (codes assigned in order of length, then tier, counting up from all zeros). The lengths are
 * fitted to how often each tier occurred in training and stored with the model.
 */
public final class TierCode {
    public static final int TIERS = RankTier.values().length;

    private final int[] lengths;
    private final int[] codes;

    public TierCode(int[] lengths) {
        if (lengths.length != TIERS) {
            throw new IllegalArgumentException("need " + TIERS + " code lengths");
        }
        double kraft = 0;
        for (int len : lengths) {
            if (len < 1 || len > 15) {
                throw new IllegalArgumentException("code length " + len + " out of 1..15");
            }
            kraft += Math.pow(2, -len);
        }
        if (kraft > 1) {
            throw new IllegalArgumentException("lengths " + Arrays.toString(lengths) + " are not a prefix code");
        }
        this.lengths = lengths.clone();
        this.codes = new int[TIERS];
        Integer[] bySize = new Integer[TIERS];
        for (int i = 0; i < TIERS; i++) {
            bySize[i] = i;
        }
        Arrays.sort(bySize, (a, b) -> lengths[a] != lengths[b] ? lengths[a] - lengths[b] : a - b);
        int code = 0;
        int len = lengths[bySize[0]];
        for (int k = 0; k < TIERS; k++) {
            int t = bySize[k];
            code <<= lengths[t] - len;
            len = lengths[t];
            codes[t] = code++;
        }
    }

    /** Huffman code lengths for tiers seen {@code counts[t]} times (each counted at least once). */
    public static TierCode fit(long[] counts) {
        record Node(long weight, int order, int[] tiers) {}
        PriorityQueue<Node> q = new PriorityQueue<>((a, b) ->
                a.weight != b.weight ? Long.compare(a.weight, b.weight) : a.order - b.order);
        int order = 0;
        for (int t = 0; t < TIERS; t++) {
            q.add(new Node(Math.max(1, counts[t]), order++, new int[] {t}));
        }
        int[] lengths = new int[TIERS];
        while (q.size() > 1) {
            Node a = q.poll();
            Node b = q.poll();
            int[] both = new int[a.tiers.length + b.tiers.length];
            System.arraycopy(a.tiers, 0, both, 0, a.tiers.length);
            System.arraycopy(b.tiers, 0, both, a.tiers.length, b.tiers.length);
            for (int t : both) {
                lengths[t]++;
            }
            q.add(new Node(a.weight + b.weight, order++, both));
        }
        return new TierCode(lengths);
    }

    public int[] lengths() {
        return lengths.clone();
    }

    public void write(BitOutputStream out, RankTier tier) {
        out.writeBits(codes[tier.ordinal()], lengths[tier.ordinal()]);
    }

    public RankTier read(BitInputStream in) throws CorruptStreamException {
        int code = 0;
        for (int len = 1; len <= 15; len++) {
            code = (code << 1) | in.readBit();
            for (int t = 0; t < TIERS; t++) {
                if (lengths[t] == len && codes[t] == code) {
                    return RankTier.values()[t];
                }
            }
        }
        throw new CorruptStreamException("invalid tier code", in.offset());
    }
}
