package io.logpipe.bench.multiline;

import io.logpipe.multiline.format.LineFormat;
import io.logpipe.multiline.format.ParseResult;
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

/** Runtime-format parsing, lines per second: CRI (byte level) and docker json-file (Jackson streaming). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBench {

  static final int LINES = 10_000;

  private List<byte[]> cri;
  private List<byte[]> docker;

  @Setup
  public void setUp() {
    cri = SampleLines.cri(LINES, 1).subList(0, LINES);
    docker = SampleLines.docker(LINES, 1).subList(0, LINES);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void cri(Blackhole bh) {
    for (byte[] line : cri) {
      ParseResult r = LineFormat.AUTO.parse(line, line.length);
      bh.consume(r);
    }
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void docker(Blackhole bh) {
    for (byte[] line : docker) {
      ParseResult r = LineFormat.AUTO.parse(line, line.length);
      bh.consume(r);
    }
  }
}
