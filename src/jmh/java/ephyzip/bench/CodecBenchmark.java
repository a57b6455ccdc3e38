package ephyzip.bench;

import ephyzip.Codec;
import ephyzip.format.Recordings;
import ephyzip.format.WavFile;
import ephyzip.model.ModelFile;
import ephyzip.stream.CoderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode and decode of one bundled recording (98,000-odd samples) with each shipped model and
 * coder. Scores are recordings per second; multiply by the sample count for samples per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class CodecBenchmark {
    @Param({"models/default.ezm", "models/bigram.ezm"})
    public String model;

    @Param({"arith", "rank"})
    public String coder;

    private Codec codec;
    private WavFile wav;
    private byte[] stream;
    private CoderKind kind;

    @Setup
    public void setUp() throws Exception {
        codec = new Codec(ModelFile.parse(model, Files.readAllBytes(Path.of(model))));
        wav = Recordings.read(Path.of("data/0052503c-2849-4f41-ab51-db382103690c.wav"));
        kind = CoderKind.valueOf(coder.toUpperCase());
        stream = codec.encode(wav, kind);
    }

    @Benchmark
    public byte[] encode() throws Exception {
        return codec.encode(wav, kind);
    }

    @Benchmark
    public byte[] decode() throws Exception {
        return codec.decode(stream);
    }
}
