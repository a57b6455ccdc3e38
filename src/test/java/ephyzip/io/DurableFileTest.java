package ephyzip.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order of a durable write's steps, and what is left when a write fails or its process died. */
class DurableFileTest {
    @TempDir
    Path dir;

    /** Records each step, then does it. */
    static final class Recorder implements DurableFile.Steps {
        final List<String> log = new ArrayList<>();
        Path target;

        @Override
        public FileChannel create(Path tmp) throws IOException {
            log.add("create");
            return DurableFile.Steps.super.create(tmp);
        }

        @Override
        public void force(FileChannel ch) throws IOException {
            // what is forced must be everything written: the channel's size is the file's
            log.add("force " + ch.size());
            DurableFile.Steps.super.force(ch);
        }

        @Override
        public void move(Path tmp, Path to) throws IOException {
            log.add("move");
            target = to;
            DurableFile.Steps.super.move(tmp, to);
        }

        @Override
        public void forceDirectory(Path d) throws IOException {
            log.add("force directory " + d.getFileName());
            DurableFile.Steps.super.forceDirectory(d);
        }
    }

    @Test
    void dataReachTheDiskBeforeTheRenameAndTheRenameAfterIt() throws Exception {
        Path out = dir.resolve("x.ezp");
        Files.writeString(out, "old");
        byte[] data = new byte[200_000];
        new java.util.Random(7).nextBytes(data);
        Recorder r = new Recorder();
        DurableFile.write(out, o -> o.write(data), null, r);
        assertEquals(List.of("create", "force " + data.length, "move", "force directory " + dir.getFileName()), r.log);
        assertArrayEquals(data, Files.readAllBytes(out));
        assertEquals(List.of(out), list(), "no temporary file is left");
    }

    @Test
    void aFailedWriteOrCheckLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path out = dir.resolve("x.ezp");
        Files.writeString(out, "old");
        for (int failAt = 0; failAt < 2; failAt++) {
            Recorder r = new Recorder();
            int f = failAt;
            Exception e = assertThrows(IllegalStateException.class, () -> DurableFile.write(out, o -> {
                o.write(new byte[100_000]);
                if (f == 0) {
                    throw new IllegalStateException("writer fails");
                }
            }, written -> {
                assertEquals(100_000, Files.size(written), "the check sees the complete file");
                throw new IllegalStateException("check fails");
            }, r));
            assertEquals(f == 0 ? "writer fails" : "check fails", e.getMessage());
            assertFalse(r.log.contains("move"), r.log.toString());
            assertEquals("old", Files.readString(out));
            assertEquals(List.of(out), list());
        }
    }

    @Test
    void temporaryFilesOfProcessesThatAreGoneAreRemovedByTheNextWrite() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        long alive = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path stale = dir.resolve(".x.ezp." + dead + ".1a2b.tmp");
        Path busy = dir.resolve(".x.ezp." + alive + ".3c4d.tmp");
        Path other = dir.resolve(".y.ezp." + dead + ".1a2b.tmp");
        for (Path t : List.of(stale, busy, other)) {
            Files.writeString(t, "partial");
        }
        DurableFile.write(dir.resolve("x.ezp"), "new".getBytes(StandardCharsets.UTF_8));
        assertFalse(Files.exists(stale), "a dead process's temporary file is removed");
        assertTrue(Files.exists(busy), "a running process's temporary file is kept");
        assertTrue(Files.exists(other), "another target's temporary file is kept");
        assertEquals("new", Files.readString(dir.resolve("x.ezp")));
    }

    private List<Path> list() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
