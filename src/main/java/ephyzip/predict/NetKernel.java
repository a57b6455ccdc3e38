package ephyzip.predict;

/** A whole network step in one kernel ({@link VectorNet}), in place of {@link CnnNet}'s layer by layer. */
interface NetKernel {
    /** Back to a fresh channel's state. */
    void reset();

    /** As {@link CnnNet#step(int[])}: the same logits (the array may be longer than the classes). */
    int[] step(int[] features);
}
