package io.logpipe.bench.shipper;

import io.logpipe.runtime.kafka.PipelineTopics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The shipper benchmark harness (issue 3, "Benchmark"; not a timed test). Generates a pod-log tree, starts a broker
 * in its own JVM, then ships the same lines three times, each in its own measured JVM: the reference producer, the
 * shipper in exactly-once mode, and in at-least-once mode. Prints lines/s, MiB/s, CPU-s per million lines, peak RSS
 * and the ratio to the reference.
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" io.logpipe.bench.shipper.ShipperBench [lines] [pods]</pre>
 */
public final class ShipperBench {

  /**
   * The shipper's JVM as the Helm chart ships it (flags, environment, container limits), read from the chart's values
   * file: every measured JVM alike, the reference producer included, so the ratio compares code, not flags.
   */
  public static final ChartJvm CHART = ChartJvm.shipper();

  /** {@link #CHART}'s command-line flags (the container's limits as the JVM sees them, then the chart's flags). */
  public static final List<String> AGENT_JVM = CHART.jvmArgs();

  private ShipperBench() {}

  /**
   * One run. {@code steady*}: from the moment a quarter of the lines were shipped to the end, i.e. without JVM
   * start-up, class loading and most JIT compilation, which a node agent pays once and a 10 s run pays in full.
   */
  record Result(String name, long lines, long bytes, double seconds, double cpuSeconds, double peakRssMiB,
      double steadyLinesPerSecond, double steadyCpuPerMillion) {
    double linesPerSecond() {
      return lines / seconds;
    }

    String row(Result reference) {
      return String.format("%-22s %10.0f %8.1f %12.2f %10.0f %8.2f %12.0f %12.2f %8.2f", name, linesPerSecond(),
          bytes / seconds / (1 << 20), cpuSeconds / (lines / 1e6), peakRssMiB,
          linesPerSecond() / reference.linesPerSecond(), steadyLinesPerSecond, steadyCpuPerMillion,
          steadyLinesPerSecond / reference.steadyLinesPerSecond);
    }
  }

  public static void main(String[] args) throws Exception {
    long lines = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
    int pods = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    Path dir = Path.of("target", "shipper-bench").toAbsolutePath();
    deleteTree(dir);
    Path logs = dir.resolve("logs");
    BenchLogTree.Written tree = BenchLogTree.generate(logs, lines, pods, 42);
    System.out.println("chart's shipper JVM: " + CHART);
    List<String> measured = measuredJvm("flags", "");
    System.out.println("measured JVM flags: " + String.join(" ", measured) + " env " + jvmEnv(Map.of()));
    System.out.println("  as the JVM sets them: " + EffectiveFlags.of(measured, jvmEnv(Map.of())));
    System.out.printf("tree: %d lines, %.1f MiB, %.0f bytes/line avg, %d files%n", tree.lines(),
        tree.bytes() / (double) (1 << 20), tree.bytes() / (double) tree.lines(), tree.files());
    try (BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"))) {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers))) {
        PipelineTopics.create(admin, 6, (short) 1);
        admin.createTopics(List.of(new NewTopic("bench.reference", 6, (short) 1), new NewTopic("bench.warmup", 1,
            (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
      warmTransactions(broker.bootstrapServers);
      List<Result> results = new ArrayList<>();
      Result reference = reference(dir, logs, broker.bootstrapServers, tree);
      results.add(reference);
      // -Dbench.modes=exactly-once: only the runs named (the reference always runs: every figure is read against it)
      String baseline = System.getProperty("bench.baseline");
      for (String mode : System.getProperty("bench.modes", "exactly-once,at-least-once").split(",")) {
        if (baseline != null) {
          // -Dbench.baseline=JAR: an older shipper jar in the same run (same broker, same reference): before/after
          results.add(shipper(dir, logs, broker.bootstrapServers, tree, mode.strip(), "baseline", baseline, Map.of(),
              ""));
        }
        results.add(shipper(dir, logs, broker.bootstrapServers, tree, mode.strip(), "shipper", null, Map.of(), ""));
        Map<String, String> variantEnv = settings("bench.variant.env");
        List<String> variants = List.of(System.getProperty("bench.variant.jvm", "").split("\\|"));
        for (int v = 0; v < variants.size(); v++) {
          // -Dbench.variant.env=SHIPPER_KAFKA_LINGER_MS=20 and/or -Dbench.variant.jvm="-XX:TieredStopAtLevel=1"
          // (added after the measured flags, so they win; K=V words are environment): the same shipper with these
          // too, in the same run. "A|B": one run for each.
          Map<String, String> env = new java.util.HashMap<>(variantEnv);
          List<String> flags = new ArrayList<>();
          for (String word : variants.get(v).strip().split("\\s+")) {
            if (word.matches("[A-Z_][A-Z0-9_]*=.*")) {
              env.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
            } else if (!word.isEmpty()) {
              flags.add(word);
            }
          }
          if (!env.isEmpty() || !flags.isEmpty()) {
            String label = variants.size() == 1 ? "variant" : "variant" + (v + 1);
            System.out.println(label + ": " + String.join(" ", flags) + " env " + env);
            results.add(shipper(dir, logs, broker.bootstrapServers, tree, mode.strip(), label, null, env,
                String.join(" ", flags)));
          }
        }
      }
      System.out.printf("%n%-22s %10s %8s %12s %10s %8s %12s %12s %8s%n", "run", "lines/s", "MiB/s", "CPU-s/Mline",
          "peakRSS", "vs ref", "steady l/s", "steady CPU/M", "vs ref");
      for (Result r : results) {
        System.out.println(r.row(reference));
      }
    }
  }

  /**
   * One transaction before any measured run: the broker creates its transaction state topic (50 partitions) on the
   * first transactional producer, which took 4-5 s of the first exactly-once run's time here. A cluster pays that
   * once in its life, so no run should be charged with it.
   */
  private static void warmTransactions(String bootstrap) {
    Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-warmup");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("bench.warmup", new byte[] {1}));
      producer.commitTransaction();
    }
  }

  private static Result reference(Path dir, Path logs, String bootstrap, BenchLogTree.Written tree)
      throws Exception {
    ChildJvm jvm = ChildJvm.start(ReferenceProducer.class.getName(), measuredJvm("reference", ""),
        List.of(logs.toString(), bootstrap, "bench.reference"), jvmEnv(Map.of()), dir.resolve("reference.log"));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      return measure("reference producer", jvm, () -> false, () -> sentByReference(admin) / (double) tree.lines(),
          () -> ownCpu(dir.resolve("reference.log")), tree);
    }
  }

  /** The reference's own CPU time as it ended (the last look at /proc can be one poll old), 0 if not printed. */
  private static double ownCpu(Path log) {
    try {
      for (String line : Files.readAllLines(log)) {
        if (line.startsWith("reference cpu-ms ")) {
          return Long.parseLong(line.substring("reference cpu-ms ".length())) / 1e3;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /** Records in the reference topic (no transactions, so offsets count records). */
  private static long sentByReference(Admin admin) {
    try {
      Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
          new java.util.HashMap<>();
      for (int p = 0; p < 6; p++) {
        latest.put(new org.apache.kafka.common.TopicPartition("bench.reference", p),
            org.apache.kafka.clients.admin.OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).values().stream()
          .mapToLong(org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    } catch (Exception e) {
      return 0;
    }
  }

  private static Result shipper(Path dir, Path logs, String bootstrap, BenchLogTree.Written tree, String mode,
      String label, String shipperJar, Map<String, String> extraEnv, String extraJvm) throws Exception {
    int port = freePort();
    String classPath = System.getProperty("java.class.path");
    if (shipperJar != null) {
      classPath = shipperJar + java.io.File.pathSeparator + classPath; // first on the class path: its classes win
    }
    String node = "bench-" + label + "-" + mode;
    Path positions = dir.resolve(label + "-" + mode + "-positions");
    // -Dbench.variant.java=JAVA_HOME: the variants on another Java (the same Java 17 bytecode), e.g. a newer JDK
    String variantJava = System.getProperty("bench.variant.java");
    Path javaHome = Path.of(label.startsWith("variant") && variantJava != null ? variantJava
        : System.getProperty("java.home"));
    ChildJvm jvm = ChildJvm.start(javaHome, ShipperProcess.class.getName(), measuredJvm(label + "-" + mode, extraJvm),
        List.of("--log-root", logs.toString(), "--bootstrap-servers", bootstrap, "--node-name", node,
            "--exclude-namespaces", "", "--mode", mode, "--http-port", String.valueOf(port),
            "--positions-file", positions.toString()),
        env(extraEnv), dir.resolve(label + "-" + mode + ".log"), classPath);
    try (CommittedBytes committed = mode.equals("exactly-once")
        ? CommittedBytes.fromTopic(bootstrap, node) : CommittedBytes.fromFile(positions)) {
      long[] seen = {0};
      return measure(label + " " + mode, jvm, () -> {
        try {
          seen[0] = committed.committedBytes();
          return seen[0] >= tree.bytes();
        } catch (IOException notYetReadable) {
          return false;
        }
      }, () -> seen[0] / (double) tree.bytes(), () -> 0, tree);
    }
  }

  /**
   * The flags of one measured JVM: the chart's ({@link #CHART}), or {@code -Dbench.jvm="..."} in place of the chart's
   * flags for every measured JVM alike (the reference included; the container's limits stay, a later
   * {@code -XX:MaxRAM} wins), then {@code extra} (a variant's), then {@code -Dbench.jfr=DIR}: a flight recording of
   * each run ({@code DIR/<run>.jfr}), to see where its CPU goes.
   */
  private static List<String> measuredJvm(String run, String extra) {
    String flags = System.getProperty("bench.jvm");
    List<String> args = new ArrayList<>(flags == null ? AGENT_JVM : CHART.jvmArgs(flags));
    if (!extra.isBlank()) {
      args.addAll(List.of(extra.strip().split("\\s+")));
    }
    String jfr = System.getProperty("bench.jfr");
    if (jfr != null) {
      args.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(jfr, run + ".jfr").toAbsolutePath());
    }
    return args;
  }

  /** The environment the chart sets for the JVM (e.g. {@code MALLOC_ARENA_MAX}), then {@code extra}. */
  private static Map<String, String> jvmEnv(Map<String, String> extra) {
    Map<String, String> env = new java.util.TreeMap<>(CHART.env());
    env.putAll(extra);
    return env;
  }

  /**
   * The chart's JVM environment, {@code -Dbench.shipper.env=SHIPPER_BATCH_BYTES=16MiB,SHIPPER_QUEUE_BYTES=32MiB}
   * (settings to try), then {@code extra}.
   */
  private static Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = jvmEnv(settings("bench.shipper.env"));
    env.putAll(extra);
    return env;
  }

  private static Map<String, String> settings(String property) {
    Map<String, String> env = new java.util.HashMap<>();
    String given = System.getProperty(property, "");
    for (String pair : given.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        env.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return env;
  }

  /** Polls CPU and peak RSS while the JVM runs, until {@code done} or it exits; then stops it. */
  private static Result measure(String name, ChildJvm jvm, BooleanSupplier done,
      java.util.function.DoubleSupplier progress, java.util.function.DoubleSupplier cpuAtExit,
      BenchLogTree.Written tree) throws Exception {
    double[] steadyFrom = null; // {seconds, cpu, fraction shipped} when a quarter was shipped
    double cpu = 0;
    double rss = 0;
    double seconds;
    java.util.SortedMap<String, Double> threads = new java.util.TreeMap<>();
    java.util.SortedMap<String, Double> threadsAtSteady = null;
    double rssPeakAt = 0;
    try (jvm) {
      while (true) {
        if (!jvm.process.isAlive()) {
          seconds = jvm.secondsSinceStart();
          cpu = Math.max(cpu, cpuAtExit.getAsDouble());
          break;
        }
        try {
          cpu = Math.max(cpu, jvm.cpuSeconds());
          double hwm = jvm.peakRssMiB();
          if (hwm > rss) {
            rssPeakAt = jvm.secondsSinceStart(); // within a poll of it: start-up (JIT, class loading) or the flow
          }
          rss = Double.isNaN(hwm) ? rss : Math.max(rss, hwm); // NaN: exited between the checks
          threads = latest(threads, jvm.cpuSecondsByThread()); // the last look before the end: one poll stale
        } catch (IOException exited) {
          continue;
        }
        boolean finished = done.getAsBoolean();
        if (steadyFrom == null && !finished) {
          double fraction = progress.getAsDouble();
          if (fraction >= 0.25) {
            steadyFrom = new double[] {jvm.secondsSinceStart(), cpu, fraction};
            threadsAtSteady = threads;
          }
        }
        if (finished) {
          seconds = jvm.secondsSinceStart();
          cpu = Math.max(cpu, jvm.cpuSeconds());
          threads = latest(threads, jvm.cpuSecondsByThread());
          break;
        }
        jvm.process.waitFor(250, TimeUnit.MILLISECONDS);
      }
    }
    printThreads(String.format("%s (peak RSS reached at %.1f s of %.1f s, steady state from %.1f s) CPU-s by thread:",
        name, rssPeakAt, seconds, steadyFrom == null ? Double.NaN : steadyFrom[0]), threads);
    if (threadsAtSteady != null) {
      // the steady window's share: what the JIT and the collector still take once start-up is paid
      java.util.SortedMap<String, Double> steady = new java.util.TreeMap<>(threads);
      threadsAtSteady.forEach((thread, s) -> steady.merge(thread, -s, Double::sum));
      printThreads(" steady state:", steady);
    }
    double steadyLines = steadyFrom == null ? Double.NaN : (1 - steadyFrom[2]) * tree.lines();
    return new Result(name, tree.lines(), tree.bytes(), seconds, cpu, rss,
        steadyFrom == null ? Double.NaN : steadyLines / (seconds - steadyFrom[0]),
        steadyFrom == null ? Double.NaN : (cpu - steadyFrom[1]) / (steadyLines / 1e6));
  }

  /** The newer look, unless the JVM was already exiting (its threads gone, so less CPU than before). */
  private static java.util.SortedMap<String, Double> latest(java.util.SortedMap<String, Double> before,
      java.util.SortedMap<String, Double> now) {
    double sumBefore = before.values().stream().mapToDouble(Double::doubleValue).sum();
    double sumNow = now.values().stream().mapToDouble(Double::doubleValue).sum();
    return sumNow >= sumBefore ? now : before;
  }

  /** Where the CPU went, by thread (only threads with at least 0.1 s). */
  private static void printThreads(String title, java.util.SortedMap<String, Double> threads) {
    StringBuilder line = new StringBuilder(title);
    threads.forEach((thread, s) -> {
      if (s >= 0.1) {
        line.append(String.format(" [%s] %.1f", thread, s));
      }
    });
    System.out.println(line);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
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
}
