package io.logpipe.bench.enricher;

import io.fabric8.kubernetes.api.model.Pod;
import io.logpipe.cli.local.EmbeddedBroker;
import io.logpipe.enricher.EnricherMetrics;
import io.logpipe.enricher.EnricherSettings;
import io.logpipe.enricher.serde.EnrichedEventSerde;
import io.logpipe.enricher.streams.EnricherStep;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.runtime.streams.Step;
import io.logpipe.runtime.streams.StreamsSettings;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;

/**
 * Issue 5's measure as the issue words it: the enricher topology's throughput against an identity topology in the
 * same run. Both are real Kafka Streams applications with the stages' settings ({@link StreamsSettings#forStage}:
 * exactly-once v2, 100 ms commits, lz4, 64 KiB producer batches), one stream thread each, reading the same events
 * from an in-process broker and writing them back to it; each writes with the serde its service uses (the identity
 * {@code Topics.LOG_EVENT}, the enricher {@link EnrichedEventSerde}); a third, the identity writing with
 * {@link EnrichedEventSerde}, shows what the ratio is with the same serde on both sides. Runs alternate (identity, identity, enricher, ...) with a fresh
 * application id each, so both see the same machine load; a run is counted from its first committed offsets to its
 * last, leaving out start-up and the group join.
 *
 * <p>Three figures per run, medians compared: events per wall-clock second; events per CPU-second of the
 * application's own threads (its stream thread and its producer's network thread: what the stage costs, whatever
 * the neighbours on a shared machine do); and events per CPU-second of the whole process, which adds the in-process
 * broker's work for that traffic (a real hop pays it too, on the broker's machine).
 * Run: {@code java -cp "bench/target/classes:bench/target/lib/*" io.logpipe.bench.enricher.TopologyRatio [events]
 * [rounds]}.
 */
public final class TopologyRatio {

  private static final String INPUT = "bench.events";
  private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("enricher-topology-ratio");
    List<Pod> pods = SamplePods.generate(1_000, 7);
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      List<NewTopic> topics = new ArrayList<>(List.of(new NewTopic(INPUT, 1, (short) 1)));
      for (int r = 0; r <= rounds; r++) {
        topics.add(new NewTopic("bench.identity." + r, 1, (short) 1));
        topics.add(new NewTopic("bench.identity-enricher-serde." + r, 1, (short) 1));
        topics.add(new NewTopic("bench.enriched." + r, 1, (short) 1));
      }
      admin.createTopics(topics).all().get();
      produce(broker.bootstrapServers(), pods, events);
      // A first pair, not counted, compiles both stages' code, so that neither pays the JIT in a counted run.
      run(broker, admin, dir, "identity-warm", identityTopology("identity", rounds, Topics.LOG_EVENT), events / 2);
      run(broker, admin, dir, "enricher-warm", enricherTopology(rounds, pods), events / 2);
      Rates[] identity = new Rates[rounds];
      Rates[] sameSerde = new Rates[rounds];
      Rates[] enricher = new Rates[rounds];
      for (int r = 0; r < rounds; r++) {
        identity[r] = run(broker, admin, dir, "identity-" + r, identityTopology("identity", r, Topics.LOG_EVENT),
            events);
        sameSerde[r] = run(broker, admin, dir, "identity-enricher-serde-" + r,
            identityTopology("identity-enricher-serde", r, new EnrichedEventSerde()), events);
        enricher[r] = run(broker, admin, dir, "enricher-" + r, enricherTopology(r, pods), events);
        System.out.printf("round %d: identity %s; identity with the enricher serde %s; enricher %s%n", r,
            identity[r], sameSerde[r], enricher[r]);
      }
      System.out.printf("median of %d alternating runs of %,d events (ratio: enricher / identity, and enricher / "
          + "identity writing with the enricher's serde):%n", rounds, events);
      print("events per wall-clock second", identity, sameSerde, enricher, Rates::wall);
      print("events per CPU-second of the stage's threads", identity, sameSerde, enricher, Rates::stageCpu);
      print("events per CPU-second of the process (broker included)", identity, sameSerde, enricher,
          Rates::processCpu);
    } finally {
      deleteRecursively(dir);
    }
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Topology identityTopology(String name, int round, Serde<LogEvent> values) {
    Topic<String, LogEvent> out = new Topic<>("bench." + name + "." + round, Topics.ENRICHED.keySerde(), values);
    return StageTopology.between(input(), Step.identity(), out);
  }

  private static Topology enricherTopology(int round, List<Pod> pods) {
    EnricherSettings settings = EnricherSettings.defaults();
    Topic<String, LogEvent> out = new Topic<>("bench.enriched." + round, Topics.ENRICHED.keySerde(),
        new EnrichedEventSerde());
    EnricherStep step = EnricherStep.of(settings, EnricherThroughputBench.cacheOf(pods, settings),
        EnricherMetrics.standalone());
    return StageTopology.between(input(), step, out);
  }

  private static Topic<String, LogEvent> input() {
    return new Topic<>(INPUT, Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde());
  }

  /** Events per wall-clock second, per CPU-second of the application's threads, per CPU-second of the process. */
  private record Rates(double wall, double stageCpu, double processCpu) {
    @Override
    public String toString() {
      return String.format("%,.0f events/s, %,.0f per stage CPU-s, %,.0f per process CPU-s", wall, stageCpu,
          processCpu);
    }
  }

  private static void print(String what, Rates[] identity, Rates[] sameSerde, Rates[] enricher,
      ToDoubleFunction<Rates> figure) {
    double i = median(Arrays.stream(identity).mapToDouble(figure).toArray());
    double s = median(Arrays.stream(sameSerde).mapToDouble(figure).toArray());
    double e = median(Arrays.stream(enricher).mapToDouble(figure).toArray());
    System.out.printf("  %-56s identity %,9.0f  same serde %,9.0f  enricher %,9.0f  ratios %.2f, %.2f%n", what, i,
        s, e, e / i, e / s);
  }

  /** CPU nanoseconds so far of the live threads whose name carries {@code appId}. */
  private static long threadsCpu(String appId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(appId)) {
        sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return sum;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The rates of one application over the input, from its first committed offsets to its last. */
  private static Rates run(EmbeddedBroker broker, Admin admin, Path dir, String appId, Topology topology,
      int events) throws Exception {
    Properties props = StreamsSettings.forStage(appId, new KafkaSettings(broker.bootstrapServers(), Map.of()),
        dir.resolve("state"), appId, ErrorPolicy.FAIL);
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
      long firstOffset = 0;
      long firstNanos = 0;
      long firstStageCpu = 0;
      long firstProcessCpu = 0;
      while (System.nanoTime() < deadline) {
        long committed = committed(admin, appId);
        long now = System.nanoTime();
        long stageCpu = threadsCpu(appId);
        long processCpu = processCpu();
        if (firstOffset == 0 && committed > 0) {
          firstOffset = committed;
          firstNanos = now;
          firstStageCpu = stageCpu;
          firstProcessCpu = processCpu;
        } else if (committed >= events) {
          streams.close(Duration.ofSeconds(30));
          double counted = committed - firstOffset;
          return new Rates(counted * 1e9 / (now - firstNanos), counted * 1e9 / (stageCpu - firstStageCpu),
              counted * 1e9 / (processCpu - firstProcessCpu));
        }
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
      throw new IllegalStateException(appId + " did not finish within " + RUN_LIMIT);
    }
  }

  private static long committed(Admin admin, String groupId) throws InterruptedException, ExecutionException {
    Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
  }

  private static void produce(String bootstrap, List<Pod> pods, int events) {
    List<KeyValue<String, LogEvent>> sample = EnricherThroughputBench.events(pods, new Random(11));
    List<KeyValue<String, byte[]>> encoded = new ArrayList<>();
    sample.forEach(kv -> encoded.add(KeyValue.pair(kv.key, Topics.LOG_EVENT.encode(kv.value))));
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
        new ByteArraySerializer())) {
      for (int i = 0; i < events; i++) {
        KeyValue<String, byte[]> kv = encoded.get(i % encoded.size());
        producer.send(new ProducerRecord<>(INPUT, kv.key, kv.value));
      }
      producer.flush();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private TopologyRatio() {}
}
