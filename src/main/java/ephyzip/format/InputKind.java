package ephyzip.format;

/** The kinds of file ephyzip reads, with their ids in the stream header (FORMAT.md). */
public enum InputKind {
    /** RIFF/WAVE, 16-bit PCM, any number of channels. */
    WAV(0, "wav"),
    /** A flat file of interleaved 16-bit little-endian samples, described on the command line. */
    RAW(1, "raw"),
    /** SpikeGLX: {@code NAME.bin} described by {@code NAME.meta}. */
    SPIKEGLX(2, "spikeglx"),
    /** Open Ephys binary format: a {@code continuous.dat} described by its recording's {@code structure.oebin}. */
    OPEN_EPHYS(3, "openephys");

    public final int id;
    public final String label;

    InputKind(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public static InputKind ofId(int id) {
        for (InputKind k : values()) {
            if (k.id == id) {
                return k;
            }
        }
        return null;
    }

    /** True for flat files: no bytes of their own before or after the samples. */
    public boolean flat() {
        return this != WAV;
    }

    @Override
    public String toString() {
        return label;
    }
}
