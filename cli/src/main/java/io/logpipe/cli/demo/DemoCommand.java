package io.logpipe.cli.demo;

import io.logpipe.cli.local.LocalOptions;
import io.logpipe.cli.local.LocalPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code logpipe demo}: writes a realistic pod-log tree, runs {@code local} on it until everything is delivered,
 * prints what arrived and where, and exits 0 when every expected event was delivered (1 otherwise).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate realistic pod logs (JSON and plain text, stack traces split into CRI partial lines, "
        + "personal data), run every stage on an embedded Kafka broker until drained, and print what was delivered.")
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--dir", defaultValue = "demo-out",
      description = "Where the demo writes its pod logs (pods/) and the delivered events (sink/) (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--calls", defaultValue = "500", description = "Log calls per container (default: ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = "--seed", defaultValue = "20261121", description = "Seed of the generated logs.")
  long seed;

  @Option(names = "--timeout", defaultValue = "PT3M", description = "Give up after this long (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws IOException, InterruptedException {
    DemoDirectory layout = DemoDirectory.prepare(dir);
    List<DemoLogTree.ExpectedEvent> expected = DemoLogTree.write(layout.pods(), calls, seed);
    System.out.printf("logpipe demo: wrote %d log events of 6 containers under %s%n", expected.size(), layout.pods());
    long started = System.nanoTime();
    LocalOptions options = new LocalOptions(layout.pods(), layout.sink(), layout.work(), Optional.empty(), 4, true,
        "demo-node");
    try (LocalPipeline pipeline = LocalPipeline.start(options)) {
      System.out.println("logpipe demo: embedded Kafka at " + pipeline.bootstrapServers() + "; shipping…");
      boolean drained = pipeline.awaitDrained(timeout);
      double seconds = (System.nanoTime() - started) / 1e9;
      DeliveryReport report = DeliveryReport.read(layout.sink(), expected);
      System.out.print(report.describe());
      System.out.printf("logpipe demo: %d of %d events delivered in %.1f s to %s%n", report.delivered(),
          expected.size(), seconds, pipeline.sinkTarget());
      if (!drained) {
        System.out.println("logpipe demo: the pipeline did not drain within " + timeout);
      }
      return drained && report.complete() ? 0 : 1;
    }
  }

  /** The demo's own directory; a previous demo's output is replaced, anything else is refused. */
  record DemoDirectory(Path pods, Path sink, Path work) {
    private static final String MARKER = ".logpipe-demo";

    static DemoDirectory prepare(Path dir) throws IOException {
      if (Files.exists(dir)) {
        try (var entries = Files.list(dir)) {
          boolean empty = entries.findAny().isEmpty();
          if (!empty && !Files.exists(dir.resolve(MARKER))) {
            throw new IOException(dir + " exists and is not a logpipe demo directory; choose another --dir");
          }
        }
        deleteTree(dir);
      }
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(MARKER), "written by logpipe demo; deleted by the next run\n");
      return new DemoDirectory(Files.createDirectories(dir.resolve("pods")),
          Files.createDirectories(dir.resolve("sink")), Files.createDirectories(dir.resolve("work")));
    }

    private static void deleteTree(Path dir) throws IOException {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
