package io.logpipe.bench.pipeline;

import java.util.List;

/** Prints the figures of a {@link PipelineBench} run: one throughput row per run, then the latency rows. */
final class Report {

  private static final List<String> PROCESSES = List.of("broker", "shipper", "fused", "multiline", "enricher",
      "redactor", "router", "identity");

  private Report() {}

  static void print(List<ThroughputRun.Result> throughput, List<LatencyRun.Result> latency, BenchSettings settings) {
    if (!throughput.isEmpty()) {
      printThroughput(throughput, settings);
    }
    printLatency(latency, settings);
  }

  private static void printThroughput(List<ThroughputRun.Result> throughput, BenchSettings settings) {
    System.out.printf("%nthroughput, first line in to last event out, every process running at once; "
        + "CPU-s per million output records:%n");
    StringBuilder header = new StringBuilder(String.format("%-13s %10s %10s", "run", "events/s", "lines/s"));
    PROCESSES.forEach(p -> header.append(String.format(" %9s", p)));
    System.out.println(header.append(String.format(" %9s %8s %9s", "total", "vs ref", "2-core")));
    ThroughputRun.Result reference = throughput.stream().filter(r -> r.name().equals("identity hop")).findFirst()
        .orElse(null);
    for (ThroughputRun.Result r : throughput) {
      StringBuilder row = new StringBuilder(String.format("%-13s %,10.0f %10s", r.name(), r.outputPerSecond(),
          Double.isNaN(r.linesPerSecond()) ? "-" : String.format("%,.0f", r.linesPerSecond())));
      for (String p : PROCESSES) {
        double cpu = r.cpuPerMillion(p);
        row.append(Double.isNaN(cpu) ? String.format(" %9s", "-") : String.format(" %9.2f", cpu));
      }
      row.append(String.format(" %9.2f", r.totalCpuPerMillion()));
      double ratio = reference == null ? Double.NaN : r.linesPerSecond() / reference.linesPerSecond();
      row.append(Double.isNaN(ratio) ? String.format(" %8s", "-") : String.format(" %8.2f", ratio));
      row.append(String.format(" %,9.0f", 2e6 / r.totalCpuPerMillion()));
      row.append(r.drained() ? "" : "  (stopped at the limit, not drained: CPU includes events still in flight)");
      System.out.println(row);
    }
    System.out.println("(events/s: records reaching " + settings.sinkTopics() + "; lines/s: raw lines behind them; "
        + "vs ref: lines/s over the identity hop's records/s, same broker, same raw records; 2-core: events/s that "
        + "two whole cores would sustain at this CPU cost per event, what a loaded machine's wall clock hides)");
  }

  private static void printLatency(List<LatencyRun.Result> latency, BenchSettings settings) {
    for (LatencyRun.Result r : latency) {
      System.out.printf("%nlatency, line written → event in %s (read_committed), %s, %,d lines/s:%n",
          settings.sinkTopics().get(0), r.variant(), settings.rate());
      System.out.printf("  p50 %.0f ms, p99 %.0f ms, max %.0f ms over %,d events (%,d written after warm-up, "
          + "%,d read in all)%n", r.latency().p50(), r.latency().p99(), r.latency().max(), r.latency().events(),
          r.expected(), r.seen());
      String verdict = r.keptUp(settings.rate())
          ? "caught up by then (a backlog earlier in the run still shows in the percentiles)"
          : "did NOT keep up (more than " + LatencyRun.GOAL_P99.toSeconds() + " s behind): these latencies are "
              + "mostly queueing";
      System.out.printf("  when writing stopped, %,d measured events (%.1f s of input) were not yet in the sink "
          + "topic: %s%n", r.inFlightAtEnd(), r.inFlightAtEnd() / (double) settings.rate(), verdict);
      StringBuilder cores = new StringBuilder("  CPU at that rate, cores:");
      r.cores().forEach((name, c) -> cores.append(String.format(" %s %.2f", name, c)));
      System.out.println(cores.append(String.format(", total %.2f", PipelineBench.sum(r.cores()))));
      r.hops().forEach(System.out::println);
    }
  }
}
