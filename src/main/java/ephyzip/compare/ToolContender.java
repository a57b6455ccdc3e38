package ephyzip.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A codec run as an external command on temporary files ({in} and {out} in its arguments). */
final class ToolContender implements Contender {
    private final String name;
    private final String inExt;
    private final String outExt;
    private final List<String> encode;
    private final List<String> decode;

    ToolContender(String name, String inExt, String outExt, List<String> encode, List<String> decode) {
        this.name = name;
        this.inExt = inExt;
        this.outExt = outExt;
        this.encode = encode;
        this.decode = decode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long modelBytes() {
        return 0;
    }

    @Override
    public FileResult run(byte[] file, int samples) throws Exception {
        Path dir = Files.createTempDirectory("ephyzip-tool");
        try {
            Path in = dir.resolve("in" + inExt);
            Path packed = dir.resolve("packed" + outExt);
            Path back = dir.resolve("back" + inExt);
            Files.write(in, file);
            long t0 = System.nanoTime();
            if (!exec(encode, in, packed)) {
                // the tool refuses this file (FLAC and more than two channels without a channel mask):
                // it counts at its input size, and its round trip as failed
                return new FileResult(file.length, file.length, samples, false, 0, 0, null);
            }
            long t1 = System.nanoTime();
            boolean decoded = exec(decode, packed, back);
            long t2 = System.nanoTime();
            boolean same = decoded && Files.exists(back) && Arrays.equals(Files.readAllBytes(back), file);
            return new FileResult(file.length, Files.size(packed), samples, same, t1 - t0, t2 - t1, null);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Runs the tool; false when it fails. */
    private static boolean exec(List<String> template, Path in, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        for (String a : template) {
            cmd.add(a.replace("{in}", in.toString()).replace("{out}", out.toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor() == 0;
    }
}
