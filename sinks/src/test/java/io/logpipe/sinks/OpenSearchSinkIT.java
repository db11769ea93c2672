package io.logpipe.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logpipe.runtime.config.HttpSettings;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.config.Secret;
import io.logpipe.runtime.errors.DeadLetterHeaders;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.Topics;
import io.logpipe.sinks.opensearch.DocumentId;
import io.logpipe.sinks.opensearch.IndexMode;
import io.logpipe.sinks.opensearch.OpenSearchSettings;
import io.logpipe.sinks.opensearch.OpenSearchSink;
import io.logpipe.sinks.opensearch.OpenSearchTransport;
import io.logpipe.sinks.worker.BatchPolicy;
import io.logpipe.sinks.worker.RetryBackoff;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.SinkRecord;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenSearch sink against a real in-process node: idempotent ids, per-item 429 retries, mapping errors. */
@KafkaTest
class OpenSearchSinkIT {

  private static final long MINUTE = 60_000_000_000L;

  private static KafkaBroker broker;
  private static InProcessOpenSearch opensearch;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    opensearch = InProcessOpenSearch.start(dir.resolve("opensearch"));
  }

  @AfterAll
  static void stop() throws IOException {
    opensearch.close();
  }

  private static OpenSearchSettings settings(String prefix) {
    return new OpenSearchSettings(opensearch.url(), IndexMode.INDEX_PER_DAY, prefix, "", new Secret(""), 8,
        Duration.ofSeconds(30));
  }

  private static SinkBatch batch(int count) {
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LogEvent event = TestEvents.event("ns-a", TestEvents.TIME + i * MINUTE, i * 100L, "event " + i);
      records.add(new SinkRecord("t", 0, i, TestEvents.key("ns-a"), event, 100));
    }
    return new SinkBatch("t", 0, records);
  }

  private static OpenSearchSink sink(OpenSearchSettings settings, OpenSearchTransport transport) {
    return new OpenSearchSink(transport, settings, RetryBackoff.of(Duration.ofMillis(10), Duration.ofMillis(50)),
        OpenSearchSink.Sleeper.REAL);
  }

  @Test
  void documentsLandUnderIdsFromSourceCoordinatesAndARetriedBatchAddsNone() throws Exception {
    SinkBatch batch = batch(30);
    try (OpenSearchSink sink = OpenSearchSink.create(settings("it-once"))) {
      assertThat(sink.write(batch)).isEmpty();
      assertThat(sink.write(batch)).isEmpty();
    }

    assertThat(opensearch.count("it-once-*")).isEqualTo(30);
    LogEvent first = batch.records().get(0).event();
    JsonNode doc = opensearch.get("/it-once-ns-a-2023.11.14/_doc/" + DocumentId.of(first));
    assertThat(doc.path("_version").asInt()).isEqualTo(2);
    assertThat(doc.path("_source").path("@timestamp").asText()).isEqualTo("2023-11-14T22:13:20.123456789Z");
    assertThat(doc.path("_source").path("message").asText()).isEqualTo("event 0");
    JsonNode template = opensearch.get("/_index_template/logpipe-it-once");
    assertThat(template.path("index_templates").get(0).path("index_template").path("template").path("mappings")
        .path("properties").path("@timestamp").path("type").asText()).isEqualTo("date_nanos");
  }

  @Test
  void retriesItemsRefusedWith429ItemByItemUntilTheyLand() throws Exception {
    SinkBatch batch = batch(20);
    OpenSearchSettings settings = settings("it-429");
    RejectingTransport transport = new RejectingTransport(OpenSearchTransport.http(settings));
    try (OpenSearchSink sink = sink(settings, transport)) {
      assertThat(sink.write(batch)).isEmpty();
      assertThat(sink.itemRetries()).isEqualTo(10);
    }

    assertThat(transport.bulkSizes).containsExactly(20, 10);
    assertThat(opensearch.count("it-429-*")).isEqualTo(20);
    for (SinkRecord record : batch.records()) {
      JsonNode doc = opensearch.get("/it-429-ns-a-2023.11.14/_doc/" + DocumentId.of(record.event()));
      assertThat(doc.path("_version").asInt()).as("landed once: %s", record.offset()).isEqualTo(1);
    }
  }

  @Test
  void sendsAMappingErrorToTheDeadLetterTopicAndDeliversTheRest() throws Exception {
    broker.createPipelineTopics(3);
    String topic = broker.uniqueName("sink-opensearch");
    broker.createTopic(topic, 1);
    try (KafkaProducer<String, LogEvent> producer = broker.producer(Topics.SINK_OPENSEARCH)) {
      for (int i = 0; i < 3; i++) {
        LogEvent event = TestEvents.event("ns-m", TestEvents.TIME, i * 100L, "event " + i);
        // attributes.user is an object after the first event: a plain string there cannot be mapped.
        Map<String, String> attributes = i == 1 ? Map.of("user", "bob") : Map.of("user.id", "42");
        event.setParsed(ParsedBody.newBuilder(event.getParsed()).setAttributes(attributes).build());
        producer.send(new ProducerRecord<>(topic, 0, TestEvents.key("ns-m"), event)).get();
      }
    }
    SinkConfig config = new SinkConfig(SinkName.OPENSEARCH, new KafkaSettings(broker.bootstrapServers(), Map.of()),
        new HttpSettings(0), broker.uniqueName("sink-os-group"), topic,
        new BatchPolicy(100, 1 << 20, Duration.ofMillis(500)), Duration.ofMillis(100), Duration.ofSeconds(2),
        ErrorPolicy.DEAD_LETTER, Optional.empty(), Optional.of(settings("it-mapping")), Optional.empty());

    try (RunningSink sink = SinkWorkers.start(config)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.stats().delivered() + sink.stats().deadLettered() == 3);
      assertThat(sink.stats().deadLettered()).isEqualTo(1);
    }

    assertThat(opensearch.count("it-mapping-*")).isEqualTo(2);
    List<ConsumerRecord<byte[], byte[]>> letters = broker.readAllCommitted(Topics.DLQ.name(),
        new ByteArrayDeserializer(), new ByteArrayDeserializer(), Duration.ofSeconds(1)).stream()
        .filter(r -> topic.equals(header(r, DeadLetterHeaders.TOPIC))).toList();
    assertThat(letters).singleElement().satisfies(letter -> {
      assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("1");
      assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("sink-opensearch");
      assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).startsWith("mapper_parsing_exception");
      assertThat(Topics.LOG_EVENT.decode(letter.value()).getMessage()).isEqualTo("event 1");
    });
  }

  @Test
  void aNodeUnreachableThenOutOfDiskGetsEveryEventOnceWhenItIsBackAndTheGroupCatchesUp() throws Exception {
    String prefix = "it-down";
    // A worker that ran before installed the template and the day's indices exist (with its mappings) when the
    // node blocks them: that is the state in which a disk fills up.
    try (OpenSearchSink setup = OpenSearchSink.create(settings(prefix))) {
      LogEvent event = TestEvents.event("ns-setup", TestEvents.TIME, 0, "setup");
      assertThat(setup.write(new SinkBatch("t", 0, List.of(new SinkRecord("t", 0, 0, "k", event, 100))))).isEmpty();
    }
    Set<String> expected = expectedDocuments(prefix);
    Set<String> dayIndices = new TreeSet<>(expected.stream().map(doc -> doc.substring(0, doc.indexOf('/'))).toList());
    String indices = String.join(",", dayIndices);
    for (String index : dayIndices) {
      opensearch.put("/" + index, "{}");
    }
    String topic = SinkTestSupport.topicWithEvents(broker, "sink-opensearch", i -> TestEvents.TIME + i * MINUTE);

    try (BlockingProxy proxy = new BlockingProxy(opensearch.url())) {
      proxy.refuseConnections();
      OpenSearchSettings settings = new OpenSearchSettings(proxy.url(), IndexMode.INDEX_PER_DAY, prefix, "",
          new Secret(""), 2, Duration.ofSeconds(5));
      OpenSearchSink sink = sink(settings, OpenSearchTransport.http(settings));
      SinkConfig config = config(topic, settings, new BatchPolicy(25, 1 << 20, Duration.ofMillis(300)));
      try (RunningSink worker = SinkWorkers.start(config, sink)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.stats().retries() >= 6);

        // Reachable again but out of disk: the flood-stage block refuses every document with a 429.
        opensearch.put("/" + indices + "/_settings", "{\"index.blocks.read_only_allow_delete\":true}");
        proxy.up();
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.itemRetries() >= 6 * 25);
        long retries = worker.stats().retries();
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.stats().retries() >= retries + 3);
        assertThat(worker.delivered()).isZero();
        assertThat(worker.health().isReady()).isFalse();
        assertThat(opensearch.count(indices)).isZero();

        opensearch.put("/" + indices + "/_settings", "{\"index.blocks.read_only_allow_delete\":null}");
        await().atMost(Duration.ofSeconds(60))
            .until(() -> worker.delivered() == SinkTestSupport.NAMESPACES.size() * SinkTestSupport.PER_PARTITION);
        SinkTestSupport.assertLagIsZero(broker, config.groupId(), topic);
        assertThat(worker.failure()).isEmpty();
        assertThat(worker.stats().deadLettered()).isZero();
      }
    }

    assertThat(opensearch.ids(indices)).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** {@code index/_id} of every event {@link SinkTestSupport#topicWithEvents} writes, one minute apart. */
  private static Set<String> expectedDocuments(String prefix) {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
    Set<String> documents = new HashSet<>();
    for (String ns : SinkTestSupport.NAMESPACES) {
      for (int i = 0; i < SinkTestSupport.PER_PARTITION; i++) {
        long time = TestEvents.TIME + i * MINUTE;
        LogEvent event = TestEvents.event(ns, time, i * 100L, ns + " event " + i);
        documents.add(prefix + "-" + ns + "-" + day.format(Instant.ofEpochSecond(0, time)) + "/" + DocumentId.of(event));
      }
    }
    assertThat(documents).hasSize(SinkTestSupport.NAMESPACES.size() * SinkTestSupport.PER_PARTITION);
    return documents;
  }

  private static SinkConfig config(String topic, OpenSearchSettings settings, BatchPolicy batch) {
    return new SinkConfig(SinkName.OPENSEARCH, new KafkaSettings(broker.bootstrapServers(), Map.of()),
        new HttpSettings(0), broker.uniqueName("sink-os-group"), topic, batch, Duration.ofMillis(50),
        Duration.ofMillis(400), ErrorPolicy.DEAD_LETTER, Optional.empty(), Optional.of(settings), Optional.empty());
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * Forwards a bulk request without every other document and answers 429 for those, as a node with a full write
   * queue does; later requests go through untouched.
   */
  private static final class RejectingTransport implements OpenSearchTransport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenSearchTransport real;
    final List<Integer> bulkSizes = new ArrayList<>();

    RejectingTransport(OpenSearchTransport real) {
      this.real = real;
    }

    @Override
    public Response send(String method, String path, String contentType, byte[] body) throws IOException {
      if (!path.equals("_bulk")) {
        return real.send(method, path, contentType, body);
      }
      List<String> lines = new String(body, StandardCharsets.UTF_8).lines().toList();
      bulkSizes.add(lines.size() / 2);
      if (bulkSizes.size() > 1) {
        return real.send(method, path, contentType, body);
      }
      ByteArrayOutputStream forwarded = new ByteArrayOutputStream();
      for (int i = 0; i < lines.size(); i += 4) {
        forwarded.writeBytes((lines.get(i) + "\n" + lines.get(i + 1) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      JsonNode answered = JSON.readTree(real.send(method, path, contentType, forwarded.toByteArray()).body());
      ArrayNode items = JSON.createArrayNode();
      for (int item = 0; item < lines.size() / 2; item++) {
        if (item % 2 == 0) {
          items.add(answered.path("items").get(item / 2));
        } else {
          ObjectNode rejected = items.addObject().putObject("index");
          rejected.put("status", 429);
          rejected.putObject("error").put("type", "es_rejected_execution_exception")
              .put("reason", "rejected execution of bulk (test)");
        }
      }
      ObjectNode response = JSON.createObjectNode().put("took", 1).put("errors", true);
      response.set("items", items);
      return new Response(200, JSON.writeValueAsBytes(response));
    }

    @Override
    public String target() {
      return real.target();
    }
  }
}
