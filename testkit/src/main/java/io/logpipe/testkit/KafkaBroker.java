package io.logpipe.testkit;

import io.logpipe.schemas.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The shared broker as a test sees it: where it is, topic creation, client factories and committed reads.
 *
 * <p>Every test class of the JVM talks to the same broker: name topics, Streams application ids and transactional
 * ids with {@link #uniqueName(String)}. Clients a test creates are the test's to close; {@link #admin()} is shared.
 */
public final class KafkaBroker {

  private final String bootstrapServers;
  private final Admin admin;
  private final TopicCreator topics;
  private final AtomicLong names = new AtomicLong();

  KafkaBroker(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.topics = new TopicCreator(admin);
  }

  /** {@code host:port} of the broker's PLAINTEXT listener, on loopback. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The shared admin client; do not close it. */
  public Admin admin() {
    return admin;
  }

  /** {@code base} plus a suffix no other caller in this JVM gets, e.g. {@code multiline-it-7}. */
  public String uniqueName(String base) {
    return base + "-" + names.incrementAndGet();
  }

  /** Creates a topic (replication 1) and waits until the broker serves it. */
  public void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /** Creates a topic with topic-level configs, e.g. {@code cleanup.policy=compact}. */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    topics.create(name, partitions, configs);
  }

  /**
   * Creates every topic of {@code io.logpipe.schemas.Topics.all()} with the production plan (compaction,
   * retention) that {@code bin/logpipe topics create} uses. Their names are fixed, so all test classes share them:
   * a second call with the same partition count is a no-op, with another count it fails.
   */
  public void createPipelineTopics(int partitions) {
    topics.createPipelineTopics(partitions);
  }

  /** Producer settings: idempotent, acks=all, no linger, short blocking so a missing topic fails fast. */
  public Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    return config;
  }

  public KafkaProducer<byte[], byte[]> producer() {
    return producer(new ByteArraySerializer(), new ByteArraySerializer());
  }

  public <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values) {
    return new KafkaProducer<>(producerConfig(), keys, values);
  }

  /** A producer with the topic's own serdes from the schemas registry. */
  public <K, V> KafkaProducer<K, V> producer(Topic<K, V> topic) {
    return producer(topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /** A transactional producer, {@code initTransactions()} already done: begin, send, commit or abort. */
  public <K, V> KafkaProducer<K, V> transactionalProducer(
      String transactionalId, Serializer<K> keys, Serializer<V> values) {
    Map<String, Object> config = producerConfig();
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    KafkaProducer<K, V> producer = new KafkaProducer<>(config, keys, values);
    try {
      producer.initTransactions();
      return producer;
    } catch (RuntimeException e) {
      producer.close(Duration.ZERO);
      throw e;
    }
  }

  /** Consumer settings for a group: read_committed, from the earliest offset, no auto commit. */
  public Map<String, Object> consumerConfig(String groupId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return config;
  }

  /**
   * Kafka Streams settings for a test app: exactly_once_v2, a short commit interval so results show quickly, and
   * state under java.io.tmpdir (target/tmp in this build). Use a {@link #uniqueName(String)} as the id.
   */
  public Properties streamsConfig(String applicationId) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    config.put(StreamsConfig.STATE_DIR_CONFIG,
        Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams", applicationId).toString());
    return config;
  }

  /**
   * Reads {@code topic} from the beginning with isolation.level=read_committed and returns the first {@code count}
   * records; fails with an {@link AssertionError} naming how many arrived if fewer come within {@code timeout}.
   */
  public <K, V> List<ConsumerRecord<K, V>> readCommitted(
      String topic, Deserializer<K> keys, Deserializer<V> values, int count, Duration timeout) {
    return CommittedRecords.read(bootstrapServers, topic, keys, values, count, timeout);
  }

  /** {@link #readCommitted(String, Deserializer, Deserializer, int, Duration)} with the topic's own serdes. */
  public <K, V> List<ConsumerRecord<K, V>> readCommitted(Topic<K, V> topic, int count, Duration timeout) {
    return readCommitted(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer(), count, timeout);
  }

  /**
   * Every committed record of {@code topic}: reads to the committed end, then until nothing new arrives for
   * {@code quietPeriod}. For "exactly N and no more" checks; the result is only as final as the quiet period.
   */
  public <K, V> List<ConsumerRecord<K, V>> readAllCommitted(
      String topic, Deserializer<K> keys, Deserializer<V> values, Duration quietPeriod) {
    return CommittedRecords.readAll(bootstrapServers, topic, keys, values, quietPeriod);
  }

  public <K, V> List<ConsumerRecord<K, V>> readAllCommitted(Topic<K, V> topic, Duration quietPeriod) {
    return readAllCommitted(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer(),
        quietPeriod);
  }

  void closeClients() {
    admin.close(Duration.ofSeconds(5));
  }
}
