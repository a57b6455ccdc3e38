package ephyzip.residual;

/**
 * The prediction of one channel's next sample: a least-squares stage on the samples, then LMS
 * stages each predicting the error of the stages before it.
 */
final class Cascade {
    private final Ols ols;
    private final Nlms[] stages;
    private final int[] preds;
    private int olsPred;
    private int total;

    Cascade(Ols ols, Nlms... stages) {
        this.ols = ols;
        this.stages = stages;
        this.preds = new int[stages.length];
    }

    /** The prediction of the next sample, within 16 bits. */
    int predict() {
        double p = ols.predict();
        olsPred = (int) Math.max(-65536, Math.min(65536, StrictMath.floor(p + 0.5)));
        int t = olsPred;
        for (int i = 0; i < stages.length; i++) {
            preds[i] = stages[i].predict();
            t += preds[i];
        }
        total = Math.max(-32768, Math.min(32767, t));
        return total;
    }

    void update(int x) {
        ols.update(x);
        int target = x - olsPred;
        for (int i = 0; i < stages.length; i++) {
            int err = target - preds[i];
            stages[i].update(err, target);
            target = err;
        }
    }
}
