package ephyzip.model;

import ephyzip.TestModels;
import ephyzip.io.BadInputException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Model files: the shipped ones read back exactly; damaged ones are refused with a message. */
class ModelFileTest {
    @Test
    void shippedModelsRewriteToTheSameBytes() throws Exception {
        for (ModelFile m : new ModelFile[] {TestModels.cnn(), TestModels.large(), TestModels.bigram()}) {
            ModelFile back = ModelFile.of(m.model());
            assertArrayEquals(m.bytes(), back.bytes(), m.model().kind() + ": writing a loaded model changes it");
            assertEquals(m.fingerprint(), back.fingerprint());
        }
        assertEquals(ModelKind.CNN, TestModels.cnn().model().kind());
        assertEquals(ModelKind.BIGRAM, TestModels.bigram().model().kind());
    }

    @Test
    void fingerprintsAreTheOnesTheModelCardsName() throws Exception {
        String readme = Files.readString(TestModels.MODELS.resolve("README.md"));
        assertTrue(readme.contains(TestModels.cnn().fingerprint()), "models/README.md names the default's fingerprint");
        assertTrue(readme.contains(TestModels.large().fingerprint()), "models/README.md names the large network's fingerprint");
        assertTrue(readme.contains(TestModels.bigram().fingerprint()), "models/README.md names the bigram's fingerprint");
    }

    @Test
    void parseIfParsesOnlyTheModelWithThatFingerprint() throws Exception {
        ModelFile cnn = TestModels.cnn();
        byte[] bytes = cnn.bytes();
        ModelFile found = ModelFile.parseIf(cnn.fingerprint(), "default.ezm", bytes);
        assertEquals(cnn.fingerprint(), found.fingerprint());
        assertEquals(ModelFile.fingerprintOf(bytes), found.fingerprint());
        assertEquals(null, ModelFile.parseIf(TestModels.large().fingerprint(), "default.ezm", bytes));
        byte[] damaged = bytes.clone();
        damaged[damaged.length / 2] ^= 1; // another fingerprint: not even parsed, so not an error
        assertEquals(null, ModelFile.parseIf(cnn.fingerprint(), "default.ezm", damaged));
    }

    @Test
    void damagedModelIsBadInput() throws Exception {
        byte[] good = TestModels.bigram().bytes();
        long seed = 7;
        Random r = new Random(seed);
        for (int i = 0; i < 30; i++) {
            byte[] bad = good.clone();
            int at = r.nextInt(bad.length);
            bad[at] ^= (byte) (1 + r.nextInt(255));
            assertThrows(BadInputException.class, () -> ModelFile.parse("bad", bad), "flip at " + at + ", seed " + seed);
        }
        for (int n : new int[] {0, 1, 10, good.length / 2, good.length - 1}) {
            assertThrows(BadInputException.class, () -> ModelFile.parse("cut", Arrays.copyOf(good, n)), "cut to " + n);
        }
    }

    @Test
    void aReadTableCodesAsOneBuiltFromItsCounts() throws Exception {
        // the reader sums the steps' counts as it reads them; the public constructor sums the table
        for (ModelFile m : new ModelFile[] {TestModels.cnn(), TestModels.bigram()}) {
            BigramTable read = m.model().bigram();
            int size = read.size();
            int[][] counts = new int[size][size];
            for (int p = 0; p < size; p++) {
                for (int n = 0; n < size; n++) {
                    counts[p][n] = read.count(p, n);
                }
            }
            BigramTable built = new BigramTable(counts, read.alpha());
            for (int p = 0; p < size; p++) {
                assertArrayEquals(built.lnFrequencies(p), read.lnFrequencies(p), m.fingerprint() + " row " + p);
                for (int n = 0; n <= size; n++) {
                    assertEquals(built.frequencies(p).low(n), read.frequencies(p).low(n), m.fingerprint() + " row " + p);
                }
            }
        }
    }

    @Test
    void alphabetMapsValuesToTokensAndBack() throws Exception {
        Alphabet a = TestModels.cnn().model().alphabet();
        for (int t = 0; t < a.size(); t++) {
            assertEquals(t, a.token(a.value(t)));
            assertEquals(t, a.nearest(a.value(t)));
        }
        for (int v = Short.MIN_VALUE; v <= Short.MAX_VALUE; v += 7) {
            int t = a.token(v);
            int n = a.nearest(v);
            assertTrue(t < 0 || t == n, "value " + v);
            for (int u = Math.max(0, n - 1); u <= Math.min(a.size() - 1, n + 1); u++) {
                assertTrue(Math.abs(a.value(n) - v) <= Math.abs(a.value(u) - v), "nearest of " + v);
            }
        }
    }
}
