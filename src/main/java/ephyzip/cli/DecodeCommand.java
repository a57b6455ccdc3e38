package ephyzip.cli;

import ephyzip.Codec;
import ephyzip.io.BadInputException;
import ephyzip.stream.StreamHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Restore recordings byte for byte (sidecar files are never touched).",
                "  decode [options] FILES.ezp...        each X.ezp to X beside it",
                "  decode [options] IN.ezp OUT",
                "  decode [options] -o OUTDIR FILES_OR_DIRS...",
                "  decode [options] -c FILE.ezp > OUT   (- reads standard input)",
                "  decode --from T --to T [--channels LIST] IN.ezp OUT   a time range (and channels) only: OUT is a"
                        + " WAV file if its name ends in .wav, else a flat file"})
final class DecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where messages go when {@link QuickLine} built this command (no picocli spec then). */
    PrintWriter err;

    @Mixin
    ModelOption model;

    @Option(names = "--from", paramLabel = "T", description = "Decode from this time on: seconds (12.5) or"
            + " samples (250000samples). Decoding starts at the restart point before it, not at the stream's start.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "Decode up to this time (excluded): seconds or samples.")
    String to;

    @Option(names = "--channels", paramLabel = "LIST", description = "Decode only these channels, numbered from 0"
            + " (0,3,8-15), in the order given.")
    String channels;

    @Mixin
    FileOptions io;

    @Override
    public Integer call() throws Exception {
        InferencePath.forSamples(InferencePath.inStreams(io.files));
        StreamCodecs codecs = new StreamCodecs(model, io.threadsPerFile());
        FileJob.Naming naming = new FileJob.Naming("decode", Outputs::decodedName,
                args -> args.size() == 2 && !args.get(1).toString().toLowerCase().endsWith(Outputs.EXT),
                p -> p.getFileName().toString().toLowerCase().endsWith(Outputs.EXT));
        SampleRange range = new SampleRange(from, to, channels);
        if (range.any()) {
            // a range is samples, not the original file: a WAV file when the output's name says so
            // (or, on standard output, when the stream holds one), else a flat file
            return FileJob.run(io, naming, err(), (in, out, progress) -> {
                Codec codec = codecFor(codecs, in);
                try (InputStream s = FileJob.openInput(in, progress)) {
                    ephyzip.stream.StreamReader r = codec.open(s);
                    String name = io.stdout || io.files.size() != 2 ? null : io.files.get(1).getFileName().toString();
                    boolean wav = name != null ? name.toLowerCase(java.util.Locale.ROOT).endsWith(".wav")
                            : r.header().kind() == ephyzip.format.InputKind.WAV;
                    range.write(r, out, wav);
                }
            });
        }
        return FileJob.run(io, naming, err(), (in, out, progress) -> {
            Codec codec = codecFor(codecs, in);
            try (InputStream s = FileJob.openInput(in, progress)) {
                codec.decode(s, out);
            }
        });
    }

    /** The codec for {@code in}'s stream; a model that cannot be loaded names what the stream needs. */
    private Codec codecFor(StreamCodecs codecs, Path in) throws BadInputException, IOException {
        try {
            return codecs.forStream(in);
        } catch (ephyzip.io.CorruptStreamException e) {
            throw new BadInputException(in + ": " + e.getMessage());
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage() + needs());
        }
    }

    /** Which model the first input stream needs, for the message about an unusable model. */
    private String needs() {
        for (Path p : io.files) {
            if (!Outputs.isStdio(p) && Files.isRegularFile(p)) {
                try (InputStream s = FileJob.openInput(p)) {
                    return "; " + p + " needs model " + StreamHeader.read(s).modelFingerprint();
                } catch (BadInputException | IOException e) {
                    return "";
                }
            }
        }
        return "";
    }

    private PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : err;
    }
}
