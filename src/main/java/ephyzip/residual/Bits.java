package ephyzip.residual;

/** One side of the binary coder, so that encoder and decoder run the same model code. */
interface Bits {
    /** Codes {@code bit} (encoder) or returns the decoded bit (decoder, which ignores the argument). */
    int bit(int bit, int p1);
}
