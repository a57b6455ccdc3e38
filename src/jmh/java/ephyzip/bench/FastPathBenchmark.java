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
 * Decode and encode of a wideband recording (a Neuralynx excerpt bundled for the tests) on the
 * fast residual path at each variant (levels 1 to 3) and on the residual path (the other levels).
 * Scores are recordings per second; multiply by the sample count for samples per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class FastPathBenchmark {
    /** 0 to 2: the fast path's variant; -1: the residual path. */
    @Param({"0", "1", "2", "-1"})
    public int variant;

    private Codec codec;
    private WavFile wav;
    private byte[] stream;
    private CoderKind kind;

    @Setup
    public void setUp() throws Exception {
        Codec plain = new Codec(ModelFile.parse("bigram", Files.readAllBytes(Path.of("models/bigram.ezm"))));
        codec = variant >= 0 ? plain.withFastPath(variant) : plain;
        kind = variant >= 0 ? CoderKind.FAST : CoderKind.RESIDUAL;
        wav = Recordings.read(Path.of("src/test/resources/residual/nlx-tet3a-excerpt.wav"));
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
