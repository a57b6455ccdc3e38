package ephyzip.train;

/** Hears how training goes, for progress bars and logs. */
public interface TrainingListener {
    /** After each batch: the epoch (from 1), batches done in it, batches per epoch, mean loss in bits. */
    void batch(int epoch, int done, int total, double lossBits);

    void epoch(EpochResult result, boolean best);

    void message(String text);
}
