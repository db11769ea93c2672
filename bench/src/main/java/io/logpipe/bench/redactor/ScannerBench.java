package io.logpipe.bench.redactor;

import io.logpipe.redactor.policy.Policy;
import io.logpipe.redactor.policy.Redactor;
import io.logpipe.redactor.scan.PiiScanner;
import io.logpipe.redactor.scan.ScanConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The redactor's scanning core on realistic lines against a naive one-regex-per-rule implementation, in the same
 * run (issue 6: at least 200 MB/s per core, at least 5x the naive one). One operation = one batch of
 * {@value #LINES} lines, whose size is printed at setup: MB/s = ops/s x batch MB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScannerBench {
  static final int LINES = 10_000;

  private List<String> lines;
  private PiiScanner scanner;
  private Redactor redactor;
  private Policy policy;
  private NaiveRegexScanner naive;

  @Setup
  public void setUp() {
    lines = RealisticLines.generate(LINES, 42);
    scanner = new PiiScanner(ScanConfig.defaults());
    policy = Policy.defaults();
    redactor = new Redactor(null);
    naive = new NaiveRegexScanner();
    long bytes = RealisticLines.utf8Bytes(lines);
    System.out.printf("%nbatch: %d lines, %d bytes (%.3f MB), %.0f bytes/line%n", LINES, bytes, bytes / 1e6,
      (double) bytes / LINES);
  }

  /** The one-pass scanner, default policy: findings only. */
  @Benchmark
  public void scanner(Blackhole bh) {
    for (String line : lines) {
      bh.consume(scanner.scan(line));
    }
  }

  /** Scan and rewrite: what the stage does per message. */
  @Benchmark
  public void redactor(Blackhole bh) {
    for (String line : lines) {
      bh.consume(redactor.redact(line, policy));
    }
  }

  /** One regex per rule over the whole line, same validations. */
  @Benchmark
  public void naiveRegexPerRule(Blackhole bh) {
    for (String line : lines) {
      bh.consume(naive.scan(line));
    }
  }
}
