package io.logpipe.bench.pipeline;

import io.logpipe.bench.shipper.BenchLogTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end benchmark (issue 8, "End-to-end benchmark"; not a timed test): the whole pipeline on this machine,
 * every part in its own JVM (broker, exactly-once shipper, Streams stages fused in one JVM or split one per stage).
 * Prints sustained events/s into the sink topics, CPU seconds per million events for each process and in total,
 * the same against an identity exactly-once Streams hop over the same raw records (the reference, same run), and the
 * file-to-sink-topic latency (p50, p99) at a fixed line rate. Knobs: {@link BenchSettings}.
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" io.logpipe.bench.pipeline.PipelineBench</pre>
 */
public final class PipelineBench {

  private PipelineBench() {}

  public static void main(String[] args) throws Exception {
    quietLogs();
    // Interrupted (^C), the try-with-resources below never closes the child JVMs: stop them with us.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
        .forEach(ProcessHandle::destroy), "stop-child-jvms"));
    BenchSettings settings = BenchSettings.fromSystemProperties();
    Path dir = Path.of("target", "pipeline-bench").toAbsolutePath();
    deleteTree(dir);
    System.out.printf("pipeline bench: %s%nload before: %s%n", settings.describe(), load());
    List<ThroughputRun.Result> throughput = new ArrayList<>();
    if (settings.lines() > 0) { // -Dbench.lines=0: the latency run only
      Path logs = dir.resolve("tree");
      BenchLogTree.Written tree = BenchLogTree.generate(logs, settings.lines(), settings.pods(), 42);
      System.out.printf("tree: %,d CRI lines, %.1f MiB, %d files%n", tree.lines(),
          tree.bytes() / (double) (1 << 20), tree.files());
      for (String variant : settings.variants()) {
        throughput.addAll(ThroughputRun.run(settings, dir.resolve(variant), logs, tree.lines(), variant,
            throughput.isEmpty()));
      }
    }
    List<LatencyRun.Result> latency = new ArrayList<>();
    if (settings.latencySeconds() > settings.warmupSeconds()) {
      latency.add(LatencyRun.run(settings, dir.resolve("latency-" + settings.variants().get(0)),
          settings.variants().get(0)));
    }
    Report.print(throughput, latency, settings);
    System.out.printf("load after: %s%n", load());
  }

  /**
   * The figures are the output: BrokerProcess asks the broker for its nodes while it is still starting, and the
   * client's connection warnings, like the topic creation's log line, would bury them. The child JVMs log to their
   * own files under target/pipeline-bench.
   */
  private static void quietLogs() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.ERROR);
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(null); // inherit root
    }
  }

  private static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static double sum(Map<String, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
