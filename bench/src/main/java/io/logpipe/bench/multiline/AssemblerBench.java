package io.logpipe.bench.multiline;

import io.logpipe.multiline.assemble.AssemblyLimits;
import io.logpipe.multiline.assemble.AssemblyMetrics;
import io.logpipe.multiline.assemble.ContainerAssembler;
import io.logpipe.multiline.assemble.Origin;
import io.logpipe.multiline.assemble.RawInput;
import io.logpipe.multiline.detect.Detectors;
import io.logpipe.multiline.format.LineFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole per-line path of the stage without Kafka: parse, partial joining, built-in detection, assembly. Raw lines
 * per second over a realistic mix (80% plain, 10% JSON, Java and Python traces, 16 KiB partials).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AssemblerBench {

  static final int LINES = 20_000;

  private List<byte[]> cri;
  private final Origin origin = Origin.ofPath("/var/log/pods/shop_web-1_uid/app/0.log");
  private final Detectors detectors = Detectors.builtinsOnly();

  @Setup
  public void setUp() {
    cri = SampleLines.cri(LINES, 7).subList(0, LINES);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void assembleCri(Blackhole bh) {
    ContainerAssembler a = new ContainerAssembler(LineFormat.AUTO, AssemblyLimits.DEFAULT,
        () -> detectors.forStream("shop", "web-1", "app"), AssemblyMetrics.NONE);
    long offset = 0;
    for (byte[] line : cri) {
      bh.consume(a.accept(new RawInput(origin, offset, line, false, 0L), 0L, bh::consume));
      offset += line.length + 1;
    }
    a.flushAll(0L, bh::consume);
  }

  /** Detection alone on plain lines (the cost of the built-in detectors on ordinary log lines). */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void assemblePlainNoTraces(Blackhole bh) {
    ContainerAssembler a = new ContainerAssembler(LineFormat.PLAIN, AssemblyLimits.DEFAULT,
        () -> detectors.forStream("shop", "web-1", "app"), AssemblyMetrics.NONE);
    byte[] line = "2024-01-01 12:00:00.123 INFO  [http-nio-8080-exec-3] c.e.shop.OrderController - order 42 placed"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < LINES; i++) {
      a.accept(new RawInput(origin, i, line, false, 0L), 0L, bh::consume);
    }
  }
}
