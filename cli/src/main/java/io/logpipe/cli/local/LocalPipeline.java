package io.logpipe.cli.local;

import io.logpipe.enricher.serde.EnrichedEventSerde;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.kafka.PipelineTopics;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.runtime.streams.StreamsRunner;
import io.logpipe.runtime.streams.StreamsSettings;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.Shipper;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.sinks.RunningSink;
import io.logpipe.sinks.SinkConfig;
import io.logpipe.sinks.SinkWorkers;
import io.logpipe.sinks.worker.BatchPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.Topology;

/**
 * The whole pipeline in one process: a broker (embedded unless one is given), the shipper tailing a local
 * directory, the Streams stages (fused or split) and the S3-layout sink writing to a local directory. Closing it
 * stops everything in reverse order of start.
 */
public final class LocalPipeline implements AutoCloseable {

  static final String SINK_GROUP = "logpipe-local-sink-s3";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

  private final List<AutoCloseable> started = new ArrayList<>();
  private final List<DrainWatcher.Reader> readers = new ArrayList<>();
  private final ServiceMetrics metrics = ServiceMetrics.create("local");
  private final String bootstrapServers;
  private final Admin admin;
  private final Shipper shipper;
  private final RunningSink sink;
  private final DrainWatcher drain;
  private volatile String progress = "not awaited";

  private LocalPipeline(LocalOptions options) {
    try {
      bootstrapServers = options.bootstrapServers().orElseGet(() -> {
        EmbeddedBroker broker = EmbeddedBroker.start(options.workDir().resolve("kafka"), 0);
        started.add(broker);
        return broker.bootstrapServers();
      });
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
      started.add(admin);
      PipelineTopics.create(admin, options.partitions(), (short) 1);
      KafkaSettings kafka = new KafkaSettings(bootstrapServers, Map.of());

      startStreams(options, kafka);
      sink = SinkWorkers.start(SinkConfig.s3Directory(kafka, options.outDir()).withGroupId(SINK_GROUP)
          .withBatch(new BatchPolicy(BatchPolicy.DEFAULT.maxRecords(), BatchPolicy.DEFAULT.maxBytes(),
              Duration.ofMillis(500))));
      started.add(sink);
      readers.add(new DrainWatcher.Reader(SINK_GROUP, Topics.SINK_S3.name()));
      shipper = Shipper.start(shipperConfig(options), metrics, new HealthState());
      started.add(shipper);
      drain = new DrainWatcher(() -> shipper.bytesBehind() == 0, new ConsumerLag(admin, Duration.ofSeconds(10)),
          readers, Duration.ofSeconds(3), Instant::now);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts every part; throws (after stopping what had started) if any part cannot start. */
  public static LocalPipeline start(LocalOptions options) {
    return new LocalPipeline(options);
  }

  private void startStreams(LocalOptions options, KafkaSettings kafka) {
    PipelineSteps steps = PipelineSteps.configured(bootstrapServers, metrics);
    if (options.fused()) {
      runStage(options, kafka, "pipeline", StageTopology.ending(Topics.RAW, steps.fused()), Topics.RAW.name());
      return;
    }
    runStage(options, kafka, "multiline", StageTopology.between(Topics.RAW, steps.multiline(), Topics.EVENTS),
        Topics.RAW.name());
    // The enricher writes as its service does: the pod's metadata encoded once, not per event.
    runStage(options, kafka, "enricher",
        StageTopology.between(Topics.EVENTS, steps.enricher(), EnrichedEventSerde.enrichedOutput()),
        Topics.EVENTS.name());
    runStage(options, kafka, "redactor", StageTopology.between(Topics.ENRICHED, steps.redactor(), Topics.REDACTED),
        Topics.ENRICHED.name());
    runStage(options, kafka, "router", StageTopology.ending(Topics.REDACTED, steps.router()), Topics.REDACTED.name());
  }

  private void runStage(LocalOptions options, KafkaSettings kafka, String stage, Topology topology, String input) {
    String applicationId = "logpipe-local-" + stage;
    var props = StreamsSettings.forStage(applicationId, kafka, options.workDir().resolve("state"), stage,
        ErrorPolicy.DEAD_LETTER, metrics);
    started.add(StreamsRunner.start(topology, props, new HealthState(), metrics));
    readers.add(new DrainWatcher.Reader(applicationId, input));
  }

  private ShipperConfig shipperConfig(LocalOptions options) {
    Map<String, String> flags = Map.of(
        "LOG_ROOT", options.logRoot().toString(),
        "NODE_NAME", options.nodeName(),
        "BOOTSTRAP_SERVERS", bootstrapServers,
        "POSITIONS_FILE", options.workDir().resolve("shipper-positions").toString());
    ConfigReader r = ConfigReader.fromEnvironment("SHIPPER", flags);
    ShipperConfig config = ShipperConfig.read(r);
    r.done();
    return config;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Events the sink has written so far. */
  public long delivered() {
    return sink.delivered();
  }

  public String sinkTarget() {
    return sink.target();
  }

  /**
   * Waits until every line under the log root is shipped and every stage and the sink have consumed everything,
   * for longer than the multiline flush window. False on timeout.
   */
  public boolean awaitDrained(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    if (!shipper.awaitDrained(timeout)) {
      progress = "the shipper did not drain: " + shipper.bytesBehind() + " bytes behind in "
          + shipper.filesTracked() + " files, " + shipper.linesShipped() + " lines shipped";
      return false;
    }
    Duration left = Duration.between(Instant.now(), deadline);
    boolean drained = !left.isNegative() && drain.awaitDrained(left, Duration.ofMillis(250));
    progress = drain.lastSeen();
    return drained;
  }

  /** What the last {@link #awaitDrained} saw: who was still behind when it gave up. */
  public String progress() {
    return progress;
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      AutoCloseable part = started.get(i);
      try {
        if (part instanceof StreamsRunner runner) {
          runner.close(CLOSE_TIMEOUT);
        } else {
          part.close();
        }
      } catch (Exception e) {
        System.err.println("logpipe local: closing " + part.getClass().getSimpleName() + " failed: " + e);
      }
    }
    started.clear();
    metrics.close();
  }
}
