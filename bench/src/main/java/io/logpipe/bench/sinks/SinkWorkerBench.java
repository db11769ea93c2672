package io.logpipe.bench.sinks;

import io.logpipe.cli.local.EmbeddedBroker;
import io.logpipe.runtime.config.HttpSettings;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.kafka.PipelineTopics;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import io.logpipe.sinks.RunningSink;
import io.logpipe.sinks.SinkConfig;
import io.logpipe.sinks.SinkName;
import io.logpipe.sinks.SinkWorkers;
import io.logpipe.sinks.loki.LokiSettings;
import io.logpipe.sinks.loki.LokiSink;
import io.logpipe.sinks.s3.FileObjectStore;
import io.logpipe.sinks.s3.ObjectLayout;
import io.logpipe.sinks.s3.S3LayoutSink;
import io.logpipe.sinks.worker.BatchPolicy;
import io.logpipe.sinks.worker.LogSink;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.SinkRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Events per second of one sink worker (issue 7) against the backends that run in this process: the
 * {@code file://} S3 layout and a Loki push endpoint ({@link LokiEndpoint}). Each figure comes with the same batches
 * written straight with the same client ({@link LogSink#write}, already decoded, no Kafka) in the same run, once
 * before and once after the worker, so the ratio is what the worker adds: consuming, decoding, batching and
 * committing after the backend confirmed. The worker's rate is taken after its first fifth (group join, warm-up).
 *
 * <p>Run: {@code LOGPIPE_LOG_LEVEL=WARN java -cp "bench/target/classes:bench/target/lib/*"
 * io.logpipe.bench.sinks.SinkWorkerBench [events] [batch records]} (defaults 120000 and 2000).
 */
public final class SinkWorkerBench {

  /** One namespace per partition of the sink topic. */
  private static final List<String> NAMESPACES = List.of("payments-eu", "shop", "search");
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private record Result(String backend, double worker, double directBefore, double directAfter) {
    double direct() {
      return (directBefore + directAfter) / 2;
    }
  }

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
    int batchRecords = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    BatchPolicy policy = new BatchPolicy(batchRecords, 8L << 20, Duration.ofSeconds(1));
    Path dir = Files.createTempDirectory("logpipe-sinks-bench");
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        LokiEndpoint loki = new LokiEndpoint()) {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        PipelineTopics.create(admin, NAMESPACES.size(), (short) 1);
      }
      String topic = Topics.SINK_S3.name();
      List<byte[]> values = new ArrayList<>();
      List<SinkBatch> batches =
          produce(broker.bootstrapServers(), topic, events / NAMESPACES.size(), batchRecords, values);
      int total = batches.stream().mapToInt(SinkBatch::size).sum();
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());

      int[] pass = {0};
      Result s3 = measure("s3 file://", batches, total,
          () -> new S3LayoutSink(new ObjectLayout(""), new FileObjectStore(dir.resolve("direct-" + pass[0]++))),
          group -> SinkWorkers.start(SinkConfig.s3Directory(kafka, dir.resolve("worker")).withTopic(topic)
              .withGroupId(group).withBatch(policy)));
      LokiSettings lokiSettings = LokiSettings.at(loki.url());
      Result lokiResult = measure("loki push", batches, total,
          () -> new LokiSink(lokiSettings, InstantSource.system()),
          group -> SinkWorkers.start(new SinkConfig(SinkName.LOKI, kafka, new HttpSettings(0), group, topic, policy,
              Duration.ofMillis(200), Duration.ofSeconds(30), ErrorPolicy.DEAD_LETTER, Optional.empty(),
              Optional.empty(), Optional.of(lokiSettings))));

      System.out.printf("%n%,d events (%d partitions, one namespace each), batches of %,d records, one worker%n",
          total, NAMESPACES.size(), batchRecords);
      System.out.printf("%-12s %16s %28s %8s%n", "backend", "worker ev/s", "direct ev/s (before/after)", "ratio");
      for (Result r : List.of(s3, lokiResult)) {
        System.out.printf("%-12s %,16.0f %,13.0f / %,12.0f %8.2f%n", r.backend(), r.worker(), r.directBefore(),
            r.directAfter(), r.worker() / r.direct());
      }
      decodeRate(values);
      double decode = decodeRate(values);
      System.out.printf("Avro decode of the same values alone: %,.0f ev/s; a worker that only added decoding to the "
          + "direct write would reach s3 %,.0f / loki %,.0f ev/s (worker at %.2f / %.2f of that)%n", decode,
          ceiling(s3, decode), ceiling(lokiResult, decode), s3.worker() / ceiling(s3, decode),
          lokiResult.worker() / ceiling(lokiResult, decode));
      System.out.printf("loki endpoint decoded %,d entries%n", loki.entries());
    } finally {
      delete(dir);
    }
  }

  /** Events per second of decoding the sink topic's values, as the worker does before writing. */
  private static double decodeRate(List<byte[]> values) {
    long start = System.nanoTime();
    long checksum = 0;
    for (byte[] value : values) {
      checksum += Topics.LOG_EVENT.decode(value).getMessage().length();
    }
    if (checksum == 0) {
      throw new IllegalStateException("nothing decoded");
    }
    return values.size() * 1e9 / (System.nanoTime() - start);
  }

  /** The rate of decoding then writing directly, one after the other, as a single thread does. */
  private static double ceiling(Result result, double decode) {
    return 1 / (1 / result.direct() + 1 / decode);
  }

  /** A warm-up pass, a direct pass, the worker, a direct pass again; rates in events per second. */
  private static Result measure(String backend, List<SinkBatch> batches, int total, Supplier<LogSink> direct,
      Function<String, RunningSink> worker) throws InterruptedException {
    directRate(direct, batches, total);
    double before = directRate(direct, batches, total);
    double workerRate = workerRate(worker.apply("bench-" + backend.replaceAll("\\W", "-")), total);
    double after = directRate(direct, batches, total);
    return new Result(backend, workerRate, before, after);
  }

  private static double directRate(Supplier<LogSink> direct, List<SinkBatch> batches, int total) {
    try (LogSink sink = direct.get()) {
      long start = System.nanoTime();
      for (SinkBatch batch : batches) {
        if (!sink.write(batch).isEmpty()) {
          throw new IllegalStateException(sink.target() + " refused records");
        }
        sink.flush();
      }
      return total * 1e9 / (System.nanoTime() - start);
    }
  }

  /** Events per second from the moment a fifth is delivered to the last event committed. */
  private static double workerRate(RunningSink sink, int total) throws InterruptedException {
    try (sink) {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      awaitDelivered(sink, total / 5, deadline);
      long start = System.nanoTime();
      long from = sink.delivered();
      awaitDelivered(sink, total, deadline);
      return (total - from) * 1e9 / (System.nanoTime() - start);
    }
  }

  private static void awaitDelivered(RunningSink sink, long count, long deadline) throws InterruptedException {
    while (sink.delivered() < count) {
      if (sink.failure().isPresent()) {
        throw new IllegalStateException("the worker failed", sink.failure().get());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the worker delivered " + sink.delivered() + " of " + count + " in " + TIMEOUT);
      }
      Thread.sleep(1);
    }
  }

  /**
   * Writes {@code perPartition} events to each partition of {@code topic} (a fresh topic: offsets from 0) and
   * returns them as the worker will batch them: per partition, {@code batchRecords} at a time; their encoded values
   * are added to {@code values}.
   */
  private static List<SinkBatch> produce(String bootstrap, String topic, int perPartition, int batchRecords,
      List<byte[]> values) {
    List<SinkBatch> batches = new ArrayList<>();
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int p = 0; p < NAMESPACES.size(); p++) {
        String ns = NAMESPACES.get(p);
        String key = ns + "/api-7d9f/uid/server";
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < perPartition; i++) {
          LogEvent event = SinksBench.event(ns, i);
          byte[] value = Topics.LOG_EVENT.encode(event);
          values.add(value);
          producer.send(new ProducerRecord<>(topic, p, key.getBytes(StandardCharsets.UTF_8), value));
          records.add(new SinkRecord(topic, p, i, key, event, value.length));
          if (records.size() == batchRecords || i == perPartition - 1) {
            batches.add(new SinkBatch(topic, p, records));
            records = new ArrayList<>();
          }
        }
      }
      producer.flush();
    }
    return batches;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private SinkWorkerBench() {}
}
