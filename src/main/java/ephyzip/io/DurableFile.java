package ephyzip.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Output files that are either the old file or the whole new one, also after a crash or a power
 * cut: the bytes go to a temporary file beside the target, which is forced to disk, renamed over
 * the target, and then the directory is forced so that the rename itself is on disk. Without the
 * first force a power cut can leave the renamed file empty (the rename reached the disk before the
 * data); without the second the old file can come back.
 *
 * <p>The temporary file is {@code .NAME.PID.RANDOM.tmp}. It is deleted on every failure the JVM
 * sees (an exception, and SIGINT or SIGTERM through a shutdown hook). A process killed outright
 * (SIGKILL, a crash) leaves it behind; the next write of the same target deletes those whose
 * process is gone.
 */
public final class DurableFile {
    /** Fills the temporary file. */
    public interface Writer {
        void writeTo(OutputStream out) throws Exception;
    }

    /** Checks the complete temporary file before it replaces the target (e.g. decodes it back). */
    public interface Check {
        void check(Path written) throws Exception;
    }

    /** The file-system steps of a write, apart so that a test can record their order. */
    interface Steps {
        default FileChannel create(Path tmp) throws IOException {
            // default permissions: the output gets the mode the user's umask gives new files
            return FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        default void force(FileChannel ch) throws IOException {
            ch.force(true);
        }

        default void move(Path tmp, Path target) throws IOException {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        default void forceDirectory(Path dir) throws IOException {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException e) {
                // some systems (Windows) cannot open a directory; the rename stands, unforced
                if (!System.getProperty("os.name", "").startsWith("Windows")) {
                    throw e;
                }
            }
        }
    }

    private static final Steps DISK = new Steps() {
    };

    /** Temporary files being written, deleted by the shutdown hook if the JVM is stopped. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : OPEN) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // nothing more can be done while the JVM stops
                }
            }
        }, "ephyzip-temp-cleanup"));
    }

    private DurableFile() {
    }

    /** Writes {@code target} durably with what {@code writer} writes. */
    public static void write(Path target, Writer writer) throws Exception {
        write(target, writer, null, DISK);
    }

    /** Writes {@code bytes} to {@code target} durably. */
    public static void write(Path target, byte[] bytes) throws Exception {
        write(target, out -> out.write(bytes), null, DISK);
    }

    /**
     * As {@link #write(Path, Writer)}, and {@code check} (when not null) must accept the complete
     * temporary file before it replaces {@code target}: if it throws, {@code target} is untouched.
     */
    public static void write(Path target, Writer writer, Check check) throws Exception {
        write(target, writer, check, DISK);
    }

    static void write(Path target, Writer writer, Check check, Steps steps) throws Exception {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeStale(dir, target.getFileName().toString());
        Path tmp = null;
        FileChannel ch = null;
        for (int attempt = 0; ch == null; attempt++) {
            tmp = dir.resolve(prefix(target.getFileName().toString()) + ProcessHandle.current().pid() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
            try {
                ch = steps.create(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        OPEN.add(tmp);
        try {
            try (FileChannel c = ch) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(c), 1 << 16);
                writer.writeTo(out);
                out.flush();
                steps.force(c);
            }
            if (check != null) {
                check.check(tmp);
            }
            steps.move(tmp, target);
            steps.forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
            OPEN.remove(tmp);
        }
    }

    private static String prefix(String name) {
        return "." + name + ".";
    }

    /** Deletes temporary files of {@code name} left by processes that no longer run. */
    private static void removeStale(Path dir, String name) {
        String prefix = prefix(name);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path p : s) {
                String[] parts = p.getFileName().toString().substring(prefix.length()).split("\\.");
                if (parts.length != 3) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(parts[0]);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // cleaning up after others is a courtesy: it never fails a write
        }
    }
}
