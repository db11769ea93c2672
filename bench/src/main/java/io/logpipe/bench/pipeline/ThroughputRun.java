package io.logpipe.bench.pipeline;

import io.logpipe.schemas.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the whole pipeline: the stages started and ready first, then the shipper let loose on a pre-written
 * pod-log tree, everything on this machine at once, as fast as it goes. Output is what reaches the sink topics; the
 * rate and the CPU of each process are taken over the {@link RunWindow}, from the first line shipped to the last
 * event out. Afterwards, on the same broker and the same raw records, the identity reference: one exactly-once
 * Streams hop copying {@code logs.raw.v1}, alone, measured the same way from its first record out.
 */
final class ThroughputRun {

  private static final Duration POLL = Duration.ofMillis(500);
  /** Longer than the multiline quiet time (1 s) plus a commit, so a quiet output means drained. */
  private static final Duration QUIET = Duration.ofSeconds(3);

  /** What one run measured: the steady window, and the exact records behind the offsets it counted. */
  record Result(String name, RunWindow window, long outputRecords, long outputOffsets, long inputLines,
      boolean drained) {

    double recordsPerOffset() {
      return outputOffsets == 0 ? 1 : (double) outputRecords / outputOffsets;
    }

    double outputPerSecond() {
      return window.perSecond(recordsPerOffset());
    }

    /**
     * Input lines per second in the window: output per second times lines per output record over the run; NaN
     * when the run stopped at the limit, since how many lines the output so far stands for is then unknown.
     */
    double linesPerSecond() {
      return drained ? outputPerSecond() * inputLines / outputRecords : Double.NaN;
    }

    double cpuPerMillion(String process) {
      return window.cpuPerMillion(process, recordsPerOffset());
    }

    double totalCpuPerMillion() {
      return window.totalCpuPerMillion(recordsPerOffset());
    }
  }

  private ThroughputRun() {}

  /** The pipeline in {@code variant} (fused or split) over {@code logs}; then, if asked, the identity reference. */
  static List<Result> run(BenchSettings settings, Path dir, Path logs, long lines, String variant,
      boolean withIdentity) throws Exception {
    List<Result> results = new ArrayList<>();
    try (Scenario scenario = Scenario.start(dir, settings.partitions())) {
      try (Processes processes = scenario.processes(settings)) {
        processes.startStages(variant, scenario.bootstrap());
        processes.awaitReady(Duration.ofMinutes(2));
        processes.startShipper(logs, scenario.bootstrap());
        List<String> raw = List.of(Topics.RAW.name());
        results.add(measure(variant, scenario, processes, raw, settings.sinkTopics(), lines, settings.limitSeconds()));
      }
      if (withIdentity) {
        try (Processes identity = scenario.processes(settings)) {
          identity.startStages("identity", scenario.bootstrap());
          identity.awaitReady(Duration.ofMinutes(2));
          List<String> out = List.of(StagesProcess.IDENTITY_TOPIC);
          results.add(measure("identity hop", scenario, identity, out, out, lines, settings.limitSeconds()));
        }
      }
    }
    return results;
  }

  /**
   * Samples input, output and CPU until all {@code lines} are in and the output has been quiet for {@link #QUIET},
   * or the limit passes (then the window is taken from what ran, and says so).
   */
  private static Result measure(String name, Scenario scenario, Processes processes, List<String> inputs,
      List<String> outputs, long lines, int limitSeconds) throws InterruptedException, IOException {
    List<RunWindow.Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    long lastChange = start;
    long last = -1;
    boolean drained;
    while (true) {
      long input = scenario.counts.stableEnd(inputs);
      long output = scenario.counts.stableEnd(outputs);
      long now = System.nanoTime();
      samples.add(new RunWindow.Sample((now - start) / 1e9, input, output, processes.cpuSeconds()));
      if (output != last) {
        last = output;
        lastChange = now;
      }
      drained = input >= lines && output > 0 && now - lastChange >= QUIET.toNanos();
      if (drained || now - start > TimeUnit.SECONDS.toNanos(limitSeconds)) {
        if (!drained) {
          System.out.printf("  %s: stopped at the %d s limit before draining (-Dbench.limit.seconds)%n", name,
              limitSeconds);
        }
        break;
      }
      TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
    }
    RunWindow window = RunWindow.of(samples);
    long records = scenario.counts.records(outputs);
    System.out.printf("  %s: %,d records in %s, %.1f s from the first line in to the last record out, %.2f cores "
        + "busy%n", name, records, outputs, window.seconds(), window.cores());
    StringBuilder topics = new StringBuilder("  by topic, offsets (records + markers) and MiB on disk:");
    Map<String, Long> bytes = scenario.bytesByTopic();
    scenario.counts.everyTopic().forEach((topic, end) -> topics.append(String.format(" %s %,d %.1f;", topic, end,
        bytes.getOrDefault(topic, 0L) / (double) (1 << 20))));
    System.out.println(topics);
    return new Result(name, window, records, last, lines, drained);
  }
}
