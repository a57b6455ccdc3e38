package ephyzip.predict;

import ephyzip.model.CnnWeights;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One value per network, built once and shared by all its channels (a network's weights in a
 * layout are most of a channel's memory otherwise). Looked up by identity: a map keyed by the
 * record would hash it through the record's generated methods, whose first call costs some 20 ms
 * of a short command's start. The network is held weakly, so its entry dies with it.
 */
final class PerModel<T> {
    private record Entry<T>(WeakReference<CnnWeights> weights, T value) {
    }

    private final List<Entry<T>> entries = new ArrayList<>();

    /** The value for {@code weights}, made by {@code make} on its first request. */
    synchronized T get(CnnWeights weights, Function<CnnWeights, T> make) {
        for (Entry<T> e : entries) {
            if (e.weights().get() == weights) {
                return e.value();
            }
        }
        entries.removeIf(e -> e.weights().get() == null);
        T value = make.apply(weights);
        entries.add(new Entry<>(new WeakReference<>(weights), value));
        return value;
    }
}
