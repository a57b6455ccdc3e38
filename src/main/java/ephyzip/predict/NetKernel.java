package ephyzip.predict;

/**
 * A whole network step in one kernel ({@link VectorNet}), in place of {@link CnnNet}'s layer by
 * layer. An interface so that {@link CnnNet} never names a class that needs
 * {@code jdk.incubator.vector}, which a JVM without that module could not load.
 */
interface NetKernel {
    /** Back to a fresh channel's state. */
    void reset();

    /** As {@link CnnNet#step(int[])}: the same logits (the array may be longer than the classes). */
    int[] step(int[] features);
}
