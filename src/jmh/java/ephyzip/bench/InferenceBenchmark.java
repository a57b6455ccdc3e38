package ephyzip.bench;

import ephyzip.model.CnnWeights;
import ephyzip.model.ModelFile;
import ephyzip.predict.CnnNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One streaming step of the shipped network: the integer forward pass of the newest column. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class InferenceBenchmark {
    private CnnNet net;
    private int t;

    @Setup
    public void setUp() throws Exception {
        CnnWeights w = ModelFile.parse("default", Files.readAllBytes(Path.of("models/default.ezm"))).model().cnn();
        net = new CnnNet(w);
    }

    @Benchmark
    public int[] step() {
        t = (t * 1103515245 + 12345) & 0x3FF;
        return net.step(t - 512, (t & 63) - 32);
    }
}
