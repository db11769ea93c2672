package io.logpipe.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How much has reached a set of topics. {@link #stableEnd} is cheap enough to poll twice a second: the sum of the
 * last stable offsets, which also counts one transaction marker per partition per commit (≈ 0.1–1 % here).
 * {@link #records} counts the committed records themselves, once at the end, to correct for those markers.
 */
final class TopicCounts implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final String bootstrap;
  private final Admin admin;
  private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

  TopicCounts(String bootstrap) {
    this.bootstrap = bootstrap;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  Admin admin() {
    return admin;
  }

  /** The sum of the read_committed end offsets of {@code topics}: records plus transaction markers. */
  long stableEnd(Collection<String> topics) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (String topic : topics) {
      partitionsOf(topic).forEach(tp -> request.put(tp, OffsetSpec.latest()));
    }
    return await(admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
        .values().stream().mapToLong(o -> o.offset()).sum();
  }

  /**
   * The stable end offset of every non-empty topic (changelogs included): the broker's traffic by topic, which
   * explains its share of the CPU.
   */
  Map<String, Long> everyTopic() {
    Map<String, Long> ends = new TreeMap<>();
    for (String topic : await(admin.listTopics().names())) {
      long end = stableEnd(List.of(topic));
      if (end > 0) {
        ends.put(topic, end);
      }
    }
    return ends;
  }

  /** The committed records of {@code topics}, read to their stable end (the topics must be quiet). */
  long records(Collection<String> topics) {
    List<TopicPartition> all = new ArrayList<>();
    topics.forEach(t -> all.addAll(partitionsOf(t)));
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(all);
      consumer.seekToBeginning(all);
      Map<TopicPartition, Long> ends = consumer.endOffsets(all, TIMEOUT);
      long count = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (all.stream().anyMatch(tp -> consumer.position(tp, TIMEOUT) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topics + " to their end within 2 minutes");
        }
        count += consumer.poll(Duration.ofMillis(500)).count();
      }
      return count;
    }
  }

  private List<TopicPartition> partitionsOf(String topic) {
    return partitions.computeIfAbsent(topic, t -> await(admin.describeTopics(List.of(t)).allTopicNames()).get(t)
        .partitions().stream().map(p -> new TopicPartition(t, p.partition())).toList());
  }

  private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the broker did not answer", e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
