package ephyzip.cli;

import picocli.CommandLine.Option;

/**
 * Compression levels as gzip, xz and zstd users expect them: {@code -1} (or {@code --fast}) to
 * {@code -9} (or {@code --best}). A level is a choice of model and path: 1 to 3 the bigram table
 * alone, about 7 times faster to decode on the grid path for about 2.4% less ratio on Neuralink's
 * recordings, and where the grid does not fit, the fast residual path (variant 0 to 2: about 10
 * times faster than the residual path for 1-5% less ratio, 16% on an ADC with uneven codes); 4 to
 * 6 (the default, 6) the small network, and the residual path; 7 to 9 the same network with each
 * channel's own histogram of step classes mixed in where the encoder finds it codes smaller
 * (stream format 9: 1% on a noisy recording, next to nothing on most; the encoder's trial makes
 * encoding 2.3 times slower, format 9 decodes 13% slower); 9 also tries the residual path's
 * heavier presets (a long LMS stage: 0% to 0.25% smaller, half the speed). The stream names its
 * model and format, and decode finds a shipped model by that name, so a stream of any level
 * decodes without options. The large network ({@code models/large.ezm}, levels 7 to 9 in 0.6)
 * is taken only with {@code -m}.
 */
final class LevelOption {
    /** The level when none is given. */
    static final int DEFAULT = 6;
    private Integer level;
    private String conflict;

    /** Records level {@code l}; a second, different level is an error for {@link #check}. */
    void set(int l) {
        if (level != null && level != l) {
            conflict = "one compression level at a time (-" + level + " and -" + l + ")";
        }
        level = l;
    }

    /** Throws if two different levels were given. */
    void check() throws UsageException {
        if (conflict != null) {
            throw new UsageException(conflict);
        }
    }

    @Option(names = {"-1", "--fast"}, description = "Fastest: the bigram table alone, or the fast residual path (levels 1 to 3).")
    void one(boolean on) {
        set(1);
    }

    @Option(names = "-2", hidden = true)
    void two(boolean on) {
        set(2);
    }

    @Option(names = "-3", hidden = true)
    void three(boolean on) {
        set(3);
    }

    @Option(names = "-4", description = "Faster than the default: the bigram table mixed as the default mixes it, the"
            + " network not run (levels 4 and 5; about twice as fast to decode, about 1% larger).")
    void four(boolean on) {
        set(4);
    }

    @Option(names = "-5", hidden = true)
    void five(boolean on) {
        set(5);
    }

    @Option(names = "-6", description = "The default: the small network (-2 to -9 are accepted).")
    void six(boolean on) {
        set(6);
    }

    @Option(names = "-7", hidden = true)
    void seven(boolean on) {
        set(7);
    }

    @Option(names = "-8", hidden = true)
    void eight(boolean on) {
        set(8);
    }

    @Option(names = {"-9", "--best"}, description = "Best ratio: the network with each channel's own histogram mixed in"
            + " (levels 7 to 9), and where the grid does not fit, the residual path's heavier presets too (about half"
            + " the speed).")
    void nine(boolean on) {
        set(9);
    }

    /** Whether a level was given. */
    boolean given() {
        return level != null;
    }

    int level() {
        return level == null ? DEFAULT : level;
    }

    /**
     * The fast path's variant of this level where the grid does not fit (levels 1 to 3: 0 to
     * 2), or -1: the residual path (levels 4 to 9, and no level given).
     */
    int fastVariant() {
        return level != null && level <= 3 ? level - 1 : -1;
    }

    /** Whether the residual path may take its heavier presets (level 9). */
    boolean longStages() {
        return level() == 9;
    }

    /** Whether a network model's predictor runs its network (not at levels 4 and 5, which mix the bigram alone). */
    boolean network() {
        return level() < 4 || level() > 5;
    }

    /** Whether a network model's predictor mixes in each channel's histogram of classes (levels 7 to 9). */
    boolean classHistogram() {
        return level() >= 7;
    }

    /** The shipped model file of this level. */
    String model() {
        return level() <= 3 ? ModelOption.BIGRAM_MODEL : ModelOption.DEFAULT_MODEL;
    }
}
