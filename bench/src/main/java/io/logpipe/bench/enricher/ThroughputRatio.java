package io.logpipe.bench.enricher;

import java.util.Arrays;

/**
 * The enricher-to-identity throughput ratio measured fairly on a shared, noisy machine: batches of the two stages
 * alternate in one JVM, so that both see the same load, and the ratio of their median batch times is reported.
 * Run: {@code java -cp "bench/target/classes:bench/target/lib/*" io.logpipe.bench.enricher.ThroughputRatio [rounds]}.
 */
public final class ThroughputRatio {

  public static void main(String[] args) {
    int rounds = args.length == 0 ? 60 : Integer.parseInt(args[0]);
    EnricherThroughputBench identity = stage("identity");
    EnricherThroughputBench enricher = stage("enricher");
    for (int warm = 0; warm < 20; warm++) {
      identity.runOnce();
      enricher.runOnce();
    }
    long[] identityNanos = new long[rounds];
    long[] enricherNanos = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      identityNanos[r] = time(identity);
      enricherNanos[r] = time(enricher);
    }
    double identityRate = rate(median(identityNanos));
    double enricherRate = rate(median(enricherNanos));
    System.out.printf("identity %,.0f events/s, enricher %,.0f events/s, ratio %.2f (median of %d alternating "
        + "batches of %,d events)%n", identityRate, enricherRate, enricherRate / identityRate, rounds,
        EnricherThroughputBench.EVENTS);
  }

  private static EnricherThroughputBench stage(String name) {
    EnricherThroughputBench bench = new EnricherThroughputBench();
    bench.stage = name;
    bench.setUp();
    return bench;
  }

  private static long time(EnricherThroughputBench bench) {
    long start = System.nanoTime();
    long written = bench.runOnce();
    long nanos = System.nanoTime() - start;
    if (written <= 0) {
      throw new IllegalStateException("nothing written");
    }
    return nanos;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double rate(long batchNanos) {
    return EnricherThroughputBench.EVENTS * 1e9 / batchNanos;
  }

  private ThroughputRatio() {}
}
