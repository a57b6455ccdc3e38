package ephyzip.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ephyzip.TestModels;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/aot-cache}: no option for other commands or when turned off; else a cache made once
 * per JVM and build (a class-data-sharing archive on the JVM running the tests, an ahead-of-time
 * cache on Java 25 where /usr/lib/jvm/temurin-25-jdk-amd64 is installed), which a decode then
 * starts from, with the same bytes out.
 */
class AotCacheTest {
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin");

    @TempDir
    Path dir;

    /** Runs bin/aot-cache as it lies in {@code home}, with {@code javaBin} first on the path. */
    private static String[] run(Path home, Path javaBin, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", home.resolve("bin/aot-cache").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PATH", javaBin + File.pathSeparator + System.getenv("PATH"));
        pb.environment().remove("EPHYZIP_AOT");
        pb.environment().remove("EPHYZIP_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        String err = new String(p.getErrorStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), out + err);
        return new String[] {out, err};
    }

    @Test
    void noOptionForOtherCommandsOrWhenTurnedOff() throws Exception {
        Path home = Path.of("").toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin");
        assertEquals("", run(home, java, Map.of("EPHYZIP_AOT", "0"), "cp", "decode", "x.ezp")[0]);
        assertEquals("", run(home, java, Map.of("EPHYZIP_JAVA_OPTS", "-Xshare:off"), "cp", "decode", "x.ezp")[0],
                "the user's choice of class sharing stands");
        assertEquals("", run(home, java, Map.of(), "cp", "train", "--kind", "cnn")[0]);
        assertEquals("", run(home, java, Map.of(), "cp", "--help")[0]);
    }

    /** This JVM's: a class-data-sharing archive before Java 25. */
    @Test
    void thisJvmMakesTheCacheOnceAndDecodesTheSameFromIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 13, "no dynamic class-data sharing before Java 13");
        // a dynamic archive extends the JDK's own, which some builds do not ship
        assumeTrue(Files.exists(Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa")),
                "this JDK has no class-data-sharing archive of its own");
        makesTheCacheOnceAndDecodesTheSameFromIt(Path.of(System.getProperty("java.home"), "bin"),
                Runtime.version().feature() >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=");
    }

    @Test
    void java25MakesItsCacheOnceAndDecodesTheSameFromIt() throws Exception {
        assumeTrue(Files.isDirectory(JAVA_25), "Java 25 is not installed at " + JAVA_25);
        makesTheCacheOnceAndDecodesTheSameFromIt(JAVA_25, "-XX:AOTCache=");
    }

    private void makesTheCacheOnceAndDecodesTheSameFromIt(Path javaBin, String option) throws Exception {
        // a home of its own: the script, one recording, and the codec as jars (a cache takes no directories)
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("data"));
        Files.copy(Path.of("bin/aot-cache"), home.resolve("bin/aot-cache"));
        Path wav = TestModels.dataFiles().get(0);
        Files.copy(wav, home.resolve("data/sample.wav"));
        Files.createDirectories(home.resolve("models"));
        Files.copy(Path.of("models/default.ezm"), home.resolve("models/default.ezm"));
        StringBuilder cp = new StringBuilder(jarOf(Path.of("target/classes"), home.resolve("ephyzip.jar")).toString());
        for (String dirName : new String[] {"target/codec", "target/cli-lib"}) {
            try (Stream<Path> jars = Files.list(Path.of(dirName))) {
                jars.filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().startsWith("ephyzip"))
                        .forEach(p -> cp.append(File.pathSeparator).append(p.toAbsolutePath()));
            }
        }
        String[] first = run(home, javaBin, Map.of(), cp.toString(), "decode", "x.ezp");
        assertTrue(first[0].startsWith(option + home.resolve("target/aot")), first[0] + "\n" + first[1]);
        assertTrue(first[1].contains("making the start-up cache"), first[1]);
        Path cache = Path.of(first[0].split(" ")[0].substring(option.length()));
        assertTrue(Files.size(cache) > 0);
        String[] again = run(home, javaBin, Map.of(), cp.toString(), "decode", "x.ezp");
        assertEquals(first[0], again[0]);
        assertEquals("", again[1], "made once");
        // a rebuilt jar: another cache (Java 25 itself would load the stale one's classes)
        Path jar = home.resolve("ephyzip.jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() - 60_000));
        String[] rebuilt = run(home, javaBin, Map.of(), cp.toString(), "decode", "x.ezp");
        assertTrue(!rebuilt[0].equals(first[0]) && rebuilt[0].startsWith(option), rebuilt[0]);
        assertTrue(rebuilt[1].contains("making the start-up cache"), rebuilt[1]);
        assertTrue(!Files.exists(cache), "the stale cache is removed");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() + 60_000));
        first = run(home, javaBin, Map.of(), cp.toString(), "decode", "x.ezp");

        Path stream = dir.resolve("s.ezp");
        assertEquals(0, Cli.run("encode", wav, stream).exit());
        Path back = dir.resolve("back.wav");
        List<String> cmd = new ArrayList<>(List.of(javaBin.resolve("java").toString(), "--add-modules",
                "jdk.incubator.vector"));
        cmd.addAll(List.of(first[0].split(" ")));
        cmd.addAll(List.of("-Xlog:class+load=info", "-Dephyzip.home=" + home, "-cp", cp.toString(),
                "ephyzip.cli.Main", "decode", stream.toString(), back.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.lines().anyMatch(l -> l.contains(" ephyzip.Codec source: shared objects file")),
                "the codec's classes came from the cache");
        assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back));

        // a long job's path: the Vector API's classes come from the cache too
        List<String> vector = new ArrayList<>(cmd.subList(0, cmd.indexOf("ephyzip.cli.Main")));
        vector.addAll(List.of("-Dephyzip.scalar=false", "ephyzip.cli.Main", "decode", "-f", stream.toString(),
                back.toString()));
        p = new ProcessBuilder(vector).redirectErrorStream(true).start();
        out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.lines().anyMatch(l -> l.contains(" jdk.incubator.vector.IntVector source: shared objects file")),
                "the vector loops' classes came from the cache");
        assertArrayEquals(Files.readAllBytes(wav), Files.readAllBytes(back));
    }

    /** A jar of the classes under {@code classes}. */
    private static Path jarOf(Path classes, Path jar) throws Exception {
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return jar;
    }
}
