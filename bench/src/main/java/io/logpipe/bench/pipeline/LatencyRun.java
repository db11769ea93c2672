package io.logpipe.bench.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Latency from a line written to its file to its event readable (read_committed) in a sink topic, at a fixed rate:
 * the stages and the shipper started and ready, then {@link PacedWriter} appends to live files while
 * {@link LatencyProbe} reads the first sink topic and {@link RawProbe} the raw topic, both read_committed, so that
 * {@link HopTrace} tells where each event's time went. Events of the first {@code warmupSeconds} are not measured. Also
 * reports the CPU each process used at that rate, in cores.
 */
final class LatencyRun {

  /**
   * What one run measured: {@code inFlightAtEnd} measured events not yet in the sink topic when the writer
   * stopped; {@code cores} by process over the measured part.
   */
  record Result(String variant, long written, long expected, long inFlightAtEnd, LatencyProbe.Percentiles latency,
      long seen, Map<String, Double> cores, List<String> hops) {

    /**
     * Whether the pipeline kept up with the rate: when writing stopped, no more than {@link #GOAL_P99} of input was
     * still on its way. Otherwise the events queued, and the latencies measure the queue, not the pipeline.
     */
    boolean keptUp(int rate) {
      return inFlightAtEnd <= rate * GOAL_P99.toSeconds();
    }
  }

  /** Issue 8's latency goal. */
  static final Duration GOAL_P99 = Duration.ofSeconds(2);

  private LatencyRun() {}

  static Result run(BenchSettings settings, Path dir, String variant) throws Exception {
    Clock clock = Clock.systemUTC();
    Path logs = dir.resolve("logs");
    try (Scenario scenario = Scenario.start(dir, settings.partitions());
        Processes processes = scenario.processes(settings);
        PacedWriter writer = new PacedWriter(logs, settings.pods(), clock)) {
      processes.startStages(variant, scenario.bootstrap());
      processes.startShipper(logs, scenario.bootstrap());
      processes.awaitReady(Duration.ofMinutes(2));
      Instant from = Instant.now(clock).plusSeconds(settings.warmupSeconds());
      long expected = (long) settings.rate() * (settings.latencySeconds() - settings.warmupSeconds());
      FileOffsets offsets = new FileOffsets();
      int traced = settings.traceHops()
          ? (int) Math.min(Integer.MAX_VALUE - 8, (long) settings.rate() * (settings.latencySeconds() + 1)) : 0;
      // -Dbench.latency.hops=false: no second probe (its CPU is the bench JVM's, on the same two cores)
      try (RawProbe raw = settings.traceHops() ? new RawProbe(scenario.bootstrap(), offsets, traced, clock) : null;
          LatencyProbe probe = new LatencyProbe(scenario.bootstrap(), settings.sinkTopics().get(0), from,
              (int) Math.min(Integer.MAX_VALUE - 8, expected + settings.rate()), traced, offsets, clock)) {
        CpuAt cpuFrom = new CpuAt(processes, from);
        PacedWriter.Written written = writer.run(settings.rate(), Duration.ofSeconds(settings.latencySeconds()), from);
        long inFlight = written.measured() - probe.measured();
        Map<String, Double> cores = cpuFrom.coresSince(processes.cpuSeconds());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (probe.measured() < written.measured() && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(200);
        }
        long seen = probe.seen();
        LatencyProbe.Percentiles latency = probe.finish();
        List<String> hops = raw == null ? List.of()
            : HopTrace.of(probe.events(), raw.finish(), LatencyProbe.nanos(from)).lines();
        return new Result(variant, written.lines(), written.measured(), inFlight, latency, seen, cores, hops);
      }
    }
  }

  /** The CPU of each process at the start of the measured part (read when that instant comes). */
  private static final class CpuAt {
    private final Thread reader;
    private volatile Map<String, Double> cpu = Map.of();
    private volatile long atNanos;

    CpuAt(Processes processes, Instant at) {
      reader = new Thread(() -> {
        try {
          TimeUnit.MILLISECONDS.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis()));
          atNanos = System.nanoTime();
          cpu = processes.cpuSeconds();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "cpu-at-warmup-end");
      reader.start();
    }

    Map<String, Double> coresSince(Map<String, Double> now) throws InterruptedException {
      reader.join();
      double seconds = (System.nanoTime() - atNanos) / 1e9;
      Map<String, Double> cores = new LinkedHashMap<>();
      now.forEach((name, cpuSeconds) -> cores.put(name, (cpuSeconds - cpu.getOrDefault(name, 0.0)) / seconds));
      return cores;
    }
  }
}
