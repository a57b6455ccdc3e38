package ephyzip.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule by which training keeps recordings apart to measure and tune on: every fourth
 * (the 4th, 8th, ...), in the order given. Fewer than four recordings hold none out.
 */
record HeldOut<T>(List<T> fit, List<T> heldOut) {
    static <T> HeldOut<T> split(List<T> items) {
        List<T> fit = new ArrayList<>();
        List<T> held = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            (i % 4 == 3 ? held : fit).add(items.get(i));
        }
        return new HeldOut<>(fit, held);
    }
}
