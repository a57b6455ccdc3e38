package ephyzip.train;

import ephyzip.coding.RankTier;
import ephyzip.coding.TierCode;
import ephyzip.format.Recordings;
import ephyzip.io.BadInputException;
import ephyzip.model.Alphabet;
import ephyzip.model.BigramTable;
import ephyzip.model.Model;
import ephyzip.model.ModelKind;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Learns a bigram model from training recordings. The smoothing weight is chosen on a held-out
 * quarter of the training files (every fourth in name order), and the tier code is fitted to the
 * tiers seen there, so nothing is tuned on the files being scored later.
 */
public final class BigramTrainer {
    static final double[] ALPHAS = {16, 64, 256, 1024, 4096, 16384};

    private BigramTrainer() {
    }

    /** {@code progress} hears of each step done (for a progress bar); {@code files} are WAV paths. */
    public static Model train(List<Path> files, String dataName, IntConsumer progress) throws BadInputException {
        return train(files, dataName, progress, null);
    }

    /** As {@link #train(List, String, IntConsumer)}, over a given alphabet (null: learn one). */
    public static Model train(List<Path> files, String dataName, IntConsumer progress, Alphabet given)
            throws BadInputException {
        return train(files, dataName, progress, given, Sparsity.ALONE);
    }

    /**
     * How much of the pair counts a model keeps: its bytes are paid in every ratio. Counts at
     * most {@code dropAtMost} are dropped (the smoothing covers them), the rest rounded to
     * {@code countBits} significant bits.
     */
    public record Sparsity(int dropAtMost, int countBits) {
        /**
         * A table that predicts alone (the bigram model). Measured on held-out training
         * recordings: the model shrinks from 81 to 44 KB for 0.002 bits a sample.
         */
        public static final Sparsity ALONE = new Sparsity(2, 2);
        /**
         * A table mixed with a network (stream format 4), which covers the rare pairs: on the
         * 112 held-out training recordings, dropping counts up to 64 (of 45 million pairs) and
         * keeping 3 bits costs nothing (4.5380 bits a sample against 4.5400 with {@link #ALONE})
         * and shrinks the network model from 43 to 18 KB (the builds of default 832827b6 (2026-11-24); drops 2-256, 1-4 bits).
         */
        public static final Sparsity BESIDE_NETWORK = new Sparsity(64, 3);

        public Sparsity {
            if (dropAtMost < 0 || countBits < 1 || countBits > 30) {
                throw new IllegalArgumentException("bad sparsity " + dropAtMost + "/" + countBits);
            }
        }
    }

    /** As {@link #train(List, String, IntConsumer, Alphabet)}, keeping counts as {@code sparsity} says. */
    public static Model train(List<Path> files, String dataName, IntConsumer progress, Alphabet given,
                              Sparsity sparsity) throws BadInputException {
        if (files.isEmpty()) {
            throw new BadInputException(dataName + ": no recordings to train on");
        }
        List<short[]> recordings = new ArrayList<>();
        long[] histogram = new long[65536];
        for (Path f : files) {
            for (short[] channel : Recordings.channels(f)) { // each channel is a recording of its own
                recordings.add(channel);
                for (short s : channel) {
                    histogram[s + 32768]++;
                }
            }
            progress.accept(1);
        }
        Alphabet alphabet = given != null ? given : Alphabet.fromHistogram(histogram, Alphabet.MAX_SIZE);
        List<int[]> tokens = new ArrayList<>();
        for (short[] r : recordings) {
            tokens.add(tokenize(alphabet, r));
        }
        HeldOut<int[]> split = HeldOut.split(tokens);
        List<int[]> fit = split.fit();
        List<int[]> heldOut = split.heldOut();
        int start = alphabet.nearest(0);
        double bestAlpha = ALPHAS[ALPHAS.length / 2];
        double bestBits = Double.NaN;
        BigramTable best = null;
        if (!heldOut.isEmpty()) {
            int[][] fitCounts = count(alphabet.size(), fit, start, sparsity);
            for (double alpha : ALPHAS) {
                BigramTable t = new BigramTable(fitCounts, alpha);
                double bits = crossEntropy(t, heldOut, start);
                if (!(bits >= bestBits)) {
                    bestBits = bits;
                    bestAlpha = alpha;
                    best = t;
                }
            }
        }
        long[] tiers = new long[TierCode.TIERS];
        if (best != null) {
            countTiers(best, heldOut, start, tiers);
        } else {
            BigramTable t = new BigramTable(count(alphabet.size(), tokens, start, sparsity), bestAlpha);
            countTiers(t, tokens, start, tiers);
        }
        BigramTable table = new BigramTable(count(alphabet.size(), tokens, start, sparsity), bestAlpha);
        Map<String, String> card = new LinkedHashMap<>();
        card.put("kind", ModelKind.BIGRAM.label);
        card.put("trained", java.time.LocalDate.now().toString());
        card.put("data", dataName);
        card.put("files", Integer.toString(files.size()));
        card.put("samples", Long.toString(tokens.stream().mapToLong(t -> t.length).sum()));
        card.put("files.sha256", listHash(files));
        card.put("alphabet", Integer.toString(alphabet.size()));
        card.put("alpha", Double.toString(bestAlpha));
        card.put("sparsity", "counts <= " + sparsity.dropAtMost() + " dropped, " + sparsity.countBits()
                + " significant bits");
        if (!Double.isNaN(bestBits)) {
            card.put("heldout.files", Integer.toString(heldOut.size()));
            card.put("heldout.bitsPerSample", String.format("%.4f", bestBits));
        }
        return new Model(alphabet, table, TierCode.fit(tiers), card);
    }

    static int[] tokenize(Alphabet alphabet, short[] samples) {
        int[] t = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            t[i] = alphabet.nearest(samples[i]);
        }
        return t;
    }

    /** Pair counts, rounded and small ones dropped as {@code sparsity} says. */
    static int[][] count(int size, List<int[]> tokens, int start, Sparsity sparsity) {
        int[][] c = new int[size][size];
        for (int[] t : tokens) {
            int prev = start;
            for (int tok : t) {
                c[prev][tok]++;
                prev = tok;
            }
        }
        for (int[] row : c) {
            for (int n = 0; n < size; n++) {
                row[n] = row[n] <= sparsity.dropAtMost() ? 0 : round(row[n], sparsity.countBits());
            }
        }
        return c;
    }

    /** {@code c} rounded to its {@code bits} leading bits (to nearest). */
    static int round(int c, int bits) {
        if (c < (1 << bits)) {
            return c;
        }
        int shift = 32 - Integer.numberOfLeadingZeros(c) - bits;
        return (int) Math.min(Integer.MAX_VALUE, ((long) c + (1L << (shift - 1))) >> shift << shift);
    }

    static double crossEntropy(BigramTable t, List<int[]> tokens, int start) {
        double bits = 0;
        long n = 0;
        for (int[] seq : tokens) {
            int prev = start;
            for (int tok : seq) {
                bits -= Math.log(t.probability(prev, tok));
                prev = tok;
                n++;
            }
        }
        return n == 0 ? 0 : bits / Math.log(2) / n;
    }

    private static void countTiers(BigramTable t, List<int[]> tokens, int start, long[] tiers) {
        for (int[] seq : tokens) {
            int prev = start;
            for (int tok : seq) {
                tiers[RankTier.ofRank(t.ranking(prev).rankOf(tok)).ordinal()]++;
                prev = tok;
            }
        }
    }

    private static String listHash(List<Path> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update((f.getFileName().toString() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
