package io.logpipe.bench.pipeline;

import io.logpipe.bench.shipper.ChildJvm;
import io.logpipe.bench.shipper.ShipperBench;
import io.logpipe.cli.Logpipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The measured processes of one bench scenario, each its own JVM so that its CPU time is its own (user + system,
 * {@link ProcessHandle.Info#totalCpuDuration()}, i.e. /proc/&lt;pid&gt;/stat): the broker, the shipper and the
 * Streams stages, fused in one JVM or split one JVM per stage, as on Kubernetes. Closed in reverse start order.
 */
final class Processes implements AutoCloseable {

  /** Stage JVMs get a server's heap; the shipper keeps the agent budget of the shipper bench. */
  private static final List<String> STAGE_JVM = List.of("-Xms256m", "-Xmx1g");
  private static final List<String> SPLIT_STAGES = List.of("multiline", "enricher", "redactor", "router");

  /** One measured process; {@code port} serves /metrics and /readyz (-1 for the broker). */
  record Measured(String name, ProcessHandle handle, int port) {}

  private final Path dir;
  private final Map<String, String> env;
  private final List<Measured> measured = new ArrayList<>();
  private final List<ChildJvm> started = new ArrayList<>();
  private final Map<String, Process> jvmsByName = new LinkedHashMap<>();

  /**
   * {@code broker}: the broker JVM, already started, measured with the others but not stopped here; {@code env}:
   * the environment of every JVM started here.
   */
  Processes(Path dir, ProcessHandle broker, Map<String, String> env) {
    this.dir = dir;
    this.env = Map.copyOf(env);
    measured.add(new Measured("broker", broker, -1));
  }

  /** The Streams stages: {@code fused} in one JVM, {@code split} one JVM per stage, or the {@code identity} hop. */
  void startStages(String variant, String bootstrap) throws IOException {
    switch (variant) {
      case "fused", "identity" -> start(variant, StagesProcess.class.getName(), STAGE_JVM,
          port -> List.of(variant, bootstrap, String.valueOf(port), stateDir(variant)));
      case "split" -> {
        for (String stage : SPLIT_STAGES) {
          start(stage, Logpipe.class.getName(), STAGE_JVM, port -> stageArgs(stage, bootstrap, port));
        }
      }
      default -> throw new IllegalArgumentException("variant fused, split or identity, not " + variant);
    }
  }

  /**
   * {@code logpipe shipper} in exactly-once mode over {@code logRoot}, with the agent heap of ShipperBench. Started
   * through our own main class so that a process list tells it from the shipper bench's (and nothing aimed at
   * {@code ShipperProcess} by name stops it).
   */
  Measured startShipper(Path logRoot, String bootstrap) throws IOException {
    return start("shipper", PipelineShipper.class.getName(), ShipperBench.AGENT_JVM,
        port -> List.of("--log-root", logRoot.toString(), "--bootstrap-servers", bootstrap, "--node-name",
            "bench-node", "--exclude-namespaces", "", "--mode", "exactly-once", "--http-port", String.valueOf(port)));
  }

  /** Waits until every started service answers /readyz; fails if one exits or the timeout passes. */
  void awaitReady(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    for (int i = 0; i < measured.size(); i++) {
      Measured m = measured.get(i);
      while (m.port() >= 0 && !Services.ready(m.port())) {
        if (!m.handle().isAlive() || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(m.name() + " did not become ready; see its log in " + dir);
        }
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
  }

  /** CPU seconds used so far by each process, by name, in start order. */
  Map<String, Double> cpuSeconds() {
    Map<String, Double> cpu = new LinkedHashMap<>();
    for (Measured m : measured) {
      if (!m.handle().isAlive()) {
        String code = jvmsByName.containsKey(m.name()) ? " with code " + jvmsByName.get(m.name()).exitValue() : "";
        throw new IllegalStateException(m.name() + " exited during the run" + code + "; see its log in " + dir);
      }
      cpu.put(m.name(), m.handle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN));
    }
    return cpu;
  }

  Measured get(String name) {
    return measured.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private interface Args {
    List<String> at(int port);
  }

  private Measured start(String name, String mainClass, List<String> heap, Args args)
      throws IOException {
    int port = Services.freePort();
    Path tmp = Files.createDirectories(dir.resolve("tmp-" + name));
    List<String> jvmArgs = new ArrayList<>(heap);
    jvmArgs.add("-Djava.io.tmpdir=" + tmp);
    ChildJvm jvm = ChildJvm.start(mainClass, jvmArgs, args.at(port), env, dir.resolve(name + ".log"));
    started.add(jvm);
    jvmsByName.put(name, jvm.process);
    Measured m = new Measured(name, jvm.process.toHandle(), port);
    measured.add(m);
    return m;
  }

  private List<String> stageArgs(String stage, String bootstrap, int port) {
    List<String> args = new ArrayList<>(List.of(stage, "--bootstrap-servers", bootstrap, "--http-port",
        String.valueOf(port), "--state-dir", stateDir(stage)));
    if (stage.equals("enricher")) {
      args.add("--no-kubernetes"); // no API server here: path metadata and parsed bodies, as `local` runs it
    }
    return args;
  }

  private String stateDir(String stage) {
    return dir.resolve("state-" + stage).toString();
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
  }
}
