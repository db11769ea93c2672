package io.logpipe.acceptance;

import io.logpipe.acceptance.stage.StageJvm;
import io.logpipe.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every stage of the pipeline, split as on Kubernetes, each the real {@code bin/logpipe} command in its own JVM:
 * shipper, multiline, enricher (watching the mock API server), redactor (default policy), router and one sink worker
 * per backend. Stage settings are the defaults except where the run needs otherwise (said at each one).
 *
 * <p>Routing: every event to S3 (rule {@code archive}); namespaces shop, payments and data to OpenSearch
 * ({@code search}); shop, web and ops to Loki ({@code live}); and JSON errors ({@link #ERROR_MARK} in the message)
 * to Loki and OpenSearch from any namespace ({@code errors}). So each backend gets its own subset.
 */
final class Pipeline implements AutoCloseable {

  static final String ERROR_MARK = "\"level\":\"error\"";
  static final List<String> OPENSEARCH_NAMESPACES = List.of("shop", "payments", "data");
  static final List<String> LOKI_NAMESPACES = List.of("shop", "web", "ops");

  enum Stage {
    SHIPPER(null, null),
    MULTILINE("logpipe-multiline", Topics.RAW.name()),
    ENRICHER("logpipe-enricher", Topics.EVENTS.name()),
    REDACTOR("logpipe-redactor", Topics.ENRICHED.name()),
    ROUTER("logpipe-router", Topics.REDACTED.name()),
    SINK_LOKI("logpipe-sink-loki", Topics.SINK_LOKI.name()),
    SINK_OPENSEARCH("logpipe-sink-opensearch", Topics.SINK_OPENSEARCH.name()),
    SINK_S3("logpipe-sink-s3", Topics.SINK_S3.name());

    /** The consumer group (Streams application id) and the topic it reads; the shipper has none. */
    final String group;
    final String input;

    Stage(String group, String input) {
      this.group = group;
      this.input = input;
    }

    String logName() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  /** Where everything is, and the multiline quiet time of the run. */
  record Setup(String bootstrap, URI kubernetes, URI loki, URI openSearch, URI s3Endpoint, String s3Target,
      String s3AccessKey, String s3SecretKey, Path logRoot, Path work, Duration quietTime) {}

  private final Setup setup;
  private final Map<Stage, StageJvm> running = new EnumMap<>(Stage.class);
  private final Map<Stage, Integer> incarnations = new EnumMap<>(Stage.class);

  private Pipeline(Setup setup) {
    this.setup = setup;
  }

  /** Starts every stage but the shipper (started by {@link #startShipper} once the cluster is set). */
  static Pipeline startStages(Setup setup) throws IOException {
    Pipeline pipeline = new Pipeline(setup);
    try {
      for (Stage stage : Stage.values()) {
        if (stage != Stage.SHIPPER) {
          pipeline.launch(stage);
        }
      }
      return pipeline;
    } catch (IOException | RuntimeException e) {
      pipeline.close();
      throw e;
    }
  }

  void startShipper() throws IOException {
    launch(Stage.SHIPPER);
  }

  private void launch(Stage stage) throws IOException {
    incarnations.merge(stage, 1, Integer::sum);
    running.put(stage, StageJvm.start(stage.logName(), args(stage), env(stage), setup.work().resolve("logs")));
  }

  /** kill -9 of the stage, then the same command again (a Streams stage on a fresh state directory). */
  void killAndRestart(Stage stage) throws IOException, InterruptedException {
    StageJvm jvm = running.get(stage);
    jvm.kill();
    incarnations.merge(stage, 1, Integer::sum);
    jvm.restart(env(stage));
  }

  private List<String> args(Stage stage) {
    String b = setup.bootstrap();
    return switch (stage) {
      case SHIPPER -> List.of("shipper", "--log-root", setup.logRoot().toString(), "--node-name", Workloads.NODE,
          "--bootstrap-servers", b, "--http-port", "0");
      case MULTILINE -> List.of("multiline", "--bootstrap-servers", b, "--http-port", "0");
      case ENRICHER -> List.of("enricher", "--bootstrap-servers", b, "--http-port", "0");
      case REDACTOR -> List.of("redactor", "--bootstrap-servers", b, "--http-port", "0");
      case ROUTER -> List.of("router", "--bootstrap-servers", b, "--http-port", "0");
      case SINK_LOKI -> List.of("sink", "--backend", "loki", "--target", setup.loki().toString(),
          "--bootstrap-servers", b, "--http-port", "0");
      case SINK_OPENSEARCH -> List.of("sink", "--backend", "opensearch", "--target", setup.openSearch().toString(),
          "--bootstrap-servers", b, "--http-port", "0");
      case SINK_S3 -> List.of("sink", "--backend", "s3", "--target", setup.s3Target(), "--bootstrap-servers", b,
          "--http-port", "0");
    };
  }

  private Map<String, String> env(Stage stage) {
    Map<String, String> env = new HashMap<>();
    String prefix = switch (stage) {
      case SHIPPER -> "SHIPPER";
      case MULTILINE -> "MULTILINE";
      case ENRICHER -> "ENRICHER";
      case REDACTOR -> "REDACTOR";
      case ROUTER -> "ROUTER";
      default -> "SINK";
    };
    if (stage == Stage.SHIPPER) {
      // Quick to notice rotations and new files, as the shipper ITs run it; positions live in Kafka.
      env.put("SHIPPER_ROTATE_WAIT", "300ms");
      env.put("SHIPPER_RESCAN_INTERVAL", "500ms");
      env.put("SHIPPER_POLL_INTERVAL", "50ms");
      return env;
    }
    if (stage.group.startsWith("logpipe-sink")) {
      // Small batches delivered soon, so the run ends quickly; a killed member is replaced within seconds.
      env.put("SINK_BATCH_MAX_AGE", "500ms");
      env.put("SINK_KAFKA_SESSION_TIMEOUT_MS", "6000");
      env.put("SINK_KAFKA_HEARTBEAT_INTERVAL_MS", "1500");
    } else {
      env.put(prefix + "_STATE_DIR", setup.work().resolve("state")
          .resolve(stage.logName() + "-" + incarnations.getOrDefault(stage, 1)).toString());
      // A member killed with SIGKILL leaves the group only when its session expires: 6 s (the broker's minimum)
      // instead of 45 s, so the restarted stage gets its tasks soon.
      env.put(prefix + "_KAFKA_CONSUMER_SESSION_TIMEOUT_MS", "6000");
      env.put(prefix + "_KAFKA_CONSUMER_HEARTBEAT_INTERVAL_MS", "1500");
    }
    switch (stage) {
      case MULTILINE -> env.put("MULTILINE_QUIET_TIME", setup.quietTime().toMillis() + "ms");
      case ENRICHER -> {
        // fabric8's own configuration variables: the mock API server, nothing from this machine's kubeconfig.
        env.put("KUBERNETES_MASTER", setup.kubernetes().toString());
        env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
        env.put("KUBERNETES_NAMESPACE", "default");
        // fabric8 gives a request 10 s; on this shared 2-core machine the informers' first lists can take longer.
        env.put("KUBERNETES_REQUEST_TIMEOUT", "60000");
      }
      case ROUTER -> {
        env.put("ROUTER_RULE_ARCHIVE_SINKS", "s3");
        env.put("ROUTER_RULE_SEARCH_NAMESPACE", String.join(",", OPENSEARCH_NAMESPACES));
        env.put("ROUTER_RULE_SEARCH_SINKS", "opensearch");
        env.put("ROUTER_RULE_LIVE_NAMESPACE", String.join(",", LOKI_NAMESPACES));
        env.put("ROUTER_RULE_LIVE_SINKS", "loki");
        env.put("ROUTER_RULE_ERRORS_MESSAGE", ERROR_MARK);
        env.put("ROUTER_RULE_ERRORS_SINKS", "loki,opensearch");
      }
      case SINK_S3 -> {
        env.put("SINK_S3_ENDPOINT", setup.s3Endpoint().toString());
        env.put("SINK_S3_PATH_STYLE", "true");
        env.put("SINK_S3_ACCESS_KEY_ID", setup.s3AccessKey());
        env.put("SINK_S3_SECRET_ACCESS_KEY", setup.s3SecretKey());
      }
      default -> { }
    }
    return env;
  }

  /** How many times each stage was started. */
  Map<Stage, Integer> incarnations() {
    return Map.copyOf(incarnations);
  }

  /** Stages whose JVM has exited on its own. */
  List<String> exited() {
    return running.entrySet().stream().filter(e -> !e.getValue().isAlive()).map(e -> e.getKey().logName()).toList();
  }

  /** SIGTERM to every stage, shipper first (it finishes its open transaction); their exit codes. */
  Map<String, Integer> stop() throws InterruptedException {
    Map<String, Integer> codes = new java.util.LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      StageJvm jvm = running.get(stage);
      if (jvm != null) {
        codes.put(stage.logName(), jvm.stop());
      }
    }
    return codes;
  }

  /** The end of every stage's output, for a failure message. */
  String tails(int lines) {
    return running.values().stream().map(j -> j.tail(lines)).collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    running.values().forEach(StageJvm::close);
  }
}
