package ephyzip.cli;

import ephyzip.Codec;
import ephyzip.io.BadInputException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ephyzip test}: decodes streams and checks every checksum, writing nothing (as gzip -t). */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Check streams without writing anything: decode each and verify its header, frames,"
                + " checkpoints and end record.", "  test [options] FILES.ezp...   (- reads standard input)",
                "A directory stands for its .ezp files.",
                "Exit 0 if all are whole; 3 naming the first damage of each damaged one and its offset."})
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Parameters(arity = "1..*", paramLabel = "FILES")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        InferencePath.forSamples(InferencePath.inStreams(files));
        StreamCodecs codecs = new StreamCodecs(model, 1);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int worst = ExitCodes.OK;
        for (Path f : FileJob.expand(files, p -> p.getFileName().toString().endsWith(".ezp"))) {
            try (InputStream in = Outputs.isStdio(f) ? new java.io.BufferedInputStream(System.in, 1 << 16)
                    : FileJob.openInput(f)) {
                // standard input cannot be read twice: it gets the given or default model
                Codec codec = Outputs.isStdio(f) ? new Codec(model.load()) : codecs.forStream(f);
                codec.decode(in, OutputStream.nullOutputStream());
                if (in.read() >= 0) {
                    throw new BadInputException("bytes after the end of the stream");
                }
                out.println(f + ": ok");
            } catch (BadInputException e) {
                err.println("ephyzip: " + f + ": " + e.getMessage());
                worst = ExitCodes.BAD_INPUT;
            } catch (java.io.IOException e) {
                // a file that cannot be read is bad input for this command, not a fault of ephyzip
                err.println("ephyzip: " + f + ": cannot read (" + e.getMessage() + ")");
                worst = ExitCodes.BAD_INPUT;
            }
        }
        out.flush();
        return worst;
    }
}
