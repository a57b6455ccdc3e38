package ephyzip.model;

import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4) of a byte array: a model file's fingerprint. The JDK's
 * {@code MessageDigest} gives the same digest ({@code Sha256Test}), but a process that asks it
 * first loads the security providers, and until the JIT has compiled it, it runs interpreted
 * through VarHandles: 50 to 90 ms for a 13 KB model at the start of a long job, whose second
 * compiler alone compiles nothing at first, against a few ms for these plain shifts.
 */
final class Sha256 {
    /** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
    private static final int[] K = roots(64, 3);
    /** The same of the square roots of the first 8 primes: the initial hash. */
    private static final int[] H0 = roots(8, 2);

    private Sha256() {
    }

    static byte[] digest(byte[] data) {
        // padding: a 1 bit, zeros, and the length in bits (64-bit big-endian) closing a 64-byte block
        int total = (data.length + 8) / 64 * 64 + 64;
        byte[] m = Arrays.copyOf(data, total);
        m[data.length] = (byte) 0x80;
        long bits = (long) data.length * 8;
        for (int i = 0; i < 8; i++) {
            m[total - 1 - i] = (byte) (bits >>> (8 * i));
        }
        int[] h = H0.clone();
        int[] w = new int[64];
        for (int block = 0; block < total; block += 64) {
            for (int t = 0; t < 16; t++) {
                int i = block + 4 * t;
                w[t] = (m[i] & 0xFF) << 24 | (m[i + 1] & 0xFF) << 16 | (m[i + 2] & 0xFF) << 8 | m[i + 3] & 0xFF;
            }
            for (int t = 16; t < 64; t++) {
                int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ w[t - 15] >>> 3;
                int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ w[t - 2] >>> 10;
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }
            int a = h[0];
            int b = h[1];
            int c = h[2];
            int d = h[3];
            int e = h[4];
            int f = h[5];
            int g = h[6];
            int hh = h[7];
            for (int t = 0; t < 64; t++) {
                int t1 = hh + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                        + (e & f ^ ~e & g) + K[t] + w[t];
                int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                        + (a & b ^ a & c ^ b & c);
                hh = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }
            h[0] += a;
            h[1] += b;
            h[2] += c;
            h[3] += d;
            h[4] += e;
            h[5] += f;
            h[6] += g;
            h[7] += hh;
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (h[i] >>> 24);
            out[4 * i + 1] = (byte) (h[i] >>> 16);
            out[4 * i + 2] = (byte) (h[i] >>> 8);
            out[4 * i + 3] = (byte) h[i];
        }
        return out;
    }

    /**
     * The first 32 bits of the fractional parts of the square (2) or cube (3) roots of the first
     * {@code n} primes, from {@link StrictMath} (same bits everywhere; a double carries the 32
     * bits with some 18 to spare, and the test against the JDK's digest checks every one).
     */
    private static int[] roots(int n, int degree) {
        int[] out = new int[n];
        int found = 0;
        for (int p = 2; found < n; p++) {
            boolean prime = true;
            for (int q = 2; q * q <= p; q++) {
                prime &= p % q != 0;
            }
            if (prime) {
                double r = degree == 2 ? StrictMath.sqrt(p) : StrictMath.cbrt(p);
                out[found++] = (int) (long) ((r - StrictMath.floor(r)) * 4294967296.0);
            }
        }
        return out;
    }
}
