package io.logpipe.bench.enricher;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enricher-to-identity throughput ratio measured fairly on a shared, noisy machine: batches of every stage
 * alternate in one JVM, so that all see the same load, each batch is timed in CPU time of the thread (on a machine
 * shared with other work, wall time measures the neighbours), and the ratios of their median batch times are
 * reported.
 * Stages (see {@link EnricherThroughputBench#stage}): {@code identity} (the reference: what an identity topology
 * writes with), {@code identity-enricher-serde} (the same with the enricher's output serde), {@code enricher} and
 * {@code enricher-log-event-serde} (the enricher writing with the generic serde, to show what its serde buys).
 * Run: {@code java -cp "bench/target/classes:bench/target/lib/*" io.logpipe.bench.enricher.ThroughputRatio [rounds]}.
 */
public final class ThroughputRatio {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final List<String> STAGES =
      List.of("identity", "identity-enricher-serde", "enricher", "enricher-log-event-serde");

  public static void main(String[] args) {
    int rounds = args.length == 0 ? 60 : Integer.parseInt(args[0]);
    Map<String, EnricherThroughputBench> stages = new LinkedHashMap<>();
    STAGES.forEach(name -> stages.put(name, stage(name)));
    for (int warm = 0; warm < 20; warm++) {
      stages.values().forEach(EnricherThroughputBench::runOnce);
    }
    Map<String, long[]> nanos = new LinkedHashMap<>();
    STAGES.forEach(name -> nanos.put(name, new long[rounds]));
    for (int r = 0; r < rounds; r++) {
      for (String name : STAGES) {
        nanos.get(name)[r] = time(stages.get(name));
      }
    }
    double identity = rate(median(nanos.get("identity")));
    double identitySameSerde = rate(median(nanos.get("identity-enricher-serde")));
    System.out.printf("median CPU time of %d alternating batches of %,d events%n", rounds,
        EnricherThroughputBench.EVENTS);
    for (String name : STAGES) {
      double rate = rate(median(nanos.get(name)));
      System.out.printf("%-26s %,9.0f events per CPU-s %,7.0f ns/event  ratio to identity %.2f, to identity with the "
          + "enricher serde %.2f%n", name, rate, 1e9 / rate, rate / identity, rate / identitySameSerde);
    }
  }

  private static EnricherThroughputBench stage(String name) {
    EnricherThroughputBench bench = new EnricherThroughputBench();
    bench.stage = name;
    bench.setUp();
    return bench;
  }

  private static long time(EnricherThroughputBench bench) {
    long start = CPU.getCurrentThreadCpuTime();
    long written = bench.runOnce();
    long nanos = CPU.getCurrentThreadCpuTime() - start;
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
