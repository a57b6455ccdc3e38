package ephyzip.train;

import ephyzip.model.Activity;
import ephyzip.model.CnnWeights;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training batches: random windows of token sequences as features [batch, F, T] and one-hot
 * labels [batch, classes, T], a target at every time step. Features are the integer features of
 * the inference path divided by 2^8, so training sees exactly what inference computes with.
 */
final class Windows {
    private final List<int[]> sequences;
    private final long[] cumulativeLength;
    private final int alphabetSize;
    private final CnnWeights shape;
    private final int length;
    private final int features;
    /** Per sequence: its activity features at every position, [feature][t] (computed once). */
    private final List<int[][]> activity = new java.util.ArrayList<>();

    /** {@code shape} supplies the band and the class mapping (weights unused). */
    Windows(List<int[]> sequences, int alphabetSize, CnnWeights shape, int length) {
        this.sequences = sequences;
        this.alphabetSize = alphabetSize;
        this.shape = shape;
        this.length = length;
        this.features = shape.features();
        int extra = features - CnnWeights.BASE_FEATURES;
        for (int[] seq : sequences) {
            int[][] a = new int[extra][extra == 0 ? 0 : seq.length];
            Activity act = new Activity();
            for (int t = 0; t < seq.length && extra > 0; t++) {
                if (t > 0) { // as in the predictor: the feature of token t has seen its own step
                    act.update(seq[t] - seq[t - 1]);
                }
                for (int i = 0; i < extra; i++) {
                    a[i][t] = act.feature(i);
                }
            }
            activity.add(a);
        }
        cumulativeLength = new long[sequences.size() + 1];
        for (int i = 0; i < sequences.size(); i++) {
            cumulativeLength[i + 1] = cumulativeLength[i] + Math.max(0, sequences.get(i).length - length - 1);
        }
        if (cumulativeLength[sequences.size()] == 0) {
            throw new IllegalArgumentException("recordings are shorter than a training window of " + length);
        }
    }

    DataSet batch(Random r, int batch) {
        int classes = shape.classes();
        int nf = features;
        float[] f = new float[batch * nf * length];
        float[] l = new float[batch * classes * length];
        float scale = 1f / (1 << CnnWeights.ACT_BITS);
        for (int b = 0; b < batch; b++) {
            long pick = (long) (r.nextDouble() * cumulativeLength[sequences.size()]);
            int s = 0;
            while (cumulativeLength[s + 1] <= pick) {
                s++;
            }
            int[] seq = sequences.get(s);
            int[][] act = activity.get(s);
            int start = 1 + (int) (pick - cumulativeLength[s]);
            for (int t = 0; t < length; t++) {
                int tok = seq[start + t];
                int prev = seq[start + t - 1];
                f[(b * nf) * length + t] = CnnWeights.valueFeature(tok, alphabetSize) * scale;
                f[(b * nf + 1) * length + t] = CnnWeights.stepFeature(tok, prev) * scale;
                for (int i = CnnWeights.BASE_FEATURES; i < nf; i++) {
                    f[(b * nf + i) * length + t] = clamp(act[i - CnnWeights.BASE_FEATURES][start + t]) * scale;
                }
                int c = shape.classOf(seq[start + t + 1], tok);
                l[(b * classes + c) * length + t] = 1f;
            }
        }
        return new DataSet(Nd4j.create(f, new long[] {batch, nf, length}, 'c'),
                Nd4j.create(l, new long[] {batch, classes, length}, 'c'));
    }

    /** As the inference path clamps its inputs. */
    private static int clamp(int a) {
        return Math.max(-CnnWeights.MAX_ACT, Math.min(CnnWeights.MAX_ACT, a));
    }
}
