package ephyzip.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Sha256} against the JDK's SHA-256 and the standard's example. */
class Sha256Test {
    @Test
    void theStandardsExample() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void sameAsTheJdksForEveryPaddingCaseAndLargerInputs() throws Exception {
        long seed = 20261130L;
        Random r = new Random(seed);
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        for (int n = 0; n < 300; n++) { // every length around the block boundaries and the padding
            byte[] b = new byte[n];
            r.nextBytes(b);
            assertArrayEquals(jdk.digest(b), Sha256.digest(b), "length " + n + ", seed " + seed);
        }
        for (int n : new int[] {13_085, 18_369, 37_265, 1 << 20}) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            assertArrayEquals(jdk.digest(b), Sha256.digest(b), "length " + n + ", seed " + seed);
        }
    }
}
