package io.logpipe.sinks;

import static io.logpipe.sinks.SinkTestSupport.PER_PARTITION;
import static io.logpipe.sinks.SinkTestSupport.assertExactlyEveryEventOnce;
import static io.logpipe.sinks.SinkTestSupport.objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.sinks.SinkTestSupport.CrashAfterWrite;
import io.logpipe.sinks.s3.ObjectLayout;
import io.logpipe.sinks.s3.S3LayoutSink;
import io.logpipe.sinks.s3.S3ObjectStore;
import io.logpipe.sinks.worker.BatchPolicy;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The S3 sink through the AWS SDK against an in-process S3-compatible server (S3Proxy). */
@KafkaTest
class S3SinkIT {

  private static KafkaBroker broker;
  private static InProcessS3 s3;

  @TempDir
  Path dir;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = InProcessS3.start();
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  private SinkConfig config(String topic, String bucket) {
    return new SinkConfig(SinkName.S3, new KafkaSettings(broker.bootstrapServers(), Map.of()),
        new io.logpipe.runtime.config.HttpSettings(0), broker.uniqueName("sink-s3-group"), topic,
        new BatchPolicy(40, 1 << 30, Duration.ofMinutes(10)), Duration.ofMillis(100), Duration.ofSeconds(2),
        io.logpipe.runtime.errors.ErrorPolicy.DEAD_LETTER, Optional.of(s3.settings(bucket, "archive/logs")),
        Optional.empty(), Optional.empty());
  }

  @Test
  void writesTheSameKeysAndBytesAsTheDirectoryLayoutUnderThePrefix() throws Exception {
    String topic = SinkTestSupport.topicWithEvents(broker);
    String bucket = s3.createBucket(broker.uniqueName("logs"));
    SinkConfig config = config(topic, bucket);
    try (RunningSink sink = SinkWorkers.start(config);
        RunningSink local = SinkWorkers.start(SinkConfig.s3Directory(config.kafka(), dir)
            .withTopic(topic).withGroupId(broker.uniqueName("sink-file-group")).withBatch(config.batch()))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.delivered() == 3 * PER_PARTITION
          && local.delivered() == 3 * PER_PARTITION);
      assertThat(sink.target()).isEqualTo("s3://" + bucket + "/");
    }

    Map<String, byte[]> inS3 = s3.objects(bucket);
    Map<String, byte[]> inDirectory = objects(dir);
    assertThat(inS3.keySet()).allMatch(key -> key.startsWith("archive/logs/namespace=ns-"))
        .hasSize(inDirectory.size());
    inDirectory.forEach((key, bytes) -> assertThat(inS3.get("archive/logs/" + key)).as(key).isEqualTo(bytes));
    assertExactlyEveryEventOnce(inS3);
    HeadObjectResponse head = s3.client().headObject(b -> b.bucket(bucket).key(inS3.keySet().iterator().next()));
    assertThat(head.contentType()).isEqualTo("application/gzip");
  }

  @Test
  void aCrashBetweenUploadAndCommitLeavesTheSameObjectSetWithNoDuplicateLine() throws Exception {
    String topic = SinkTestSupport.topicWithEvents(broker);
    String reference = s3.createBucket(broker.uniqueName("reference"));
    String crashed = s3.createBucket(broker.uniqueName("crashed"));
    try (RunningSink sink = SinkWorkers.start(config(topic, reference))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.delivered() == 3 * PER_PARTITION);
    }

    SinkConfig config = config(topic, crashed);
    S3LayoutSink crashedSink = new S3LayoutSink(new ObjectLayout("archive/logs"),
        S3ObjectStore.create(config.s3().orElseThrow()));
    try (RunningSink sink = SinkWorkers.start(config, new CrashAfterWrite(crashedSink, 5))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.failure().isPresent());
    }
    try (RunningSink restarted = SinkWorkers.start(config)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> restarted.delivered() == 3 * PER_PARTITION - 4 * 40);
    }

    Map<String, byte[]> expected = s3.objects(reference);
    Map<String, byte[]> actual = s3.objects(crashed);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    actual.forEach((key, bytes) -> assertThat(bytes).as(key).isEqualTo(expected.get(key)));
    assertExactlyEveryEventOnce(actual);
  }

  @Test
  void uploadsLargeObjectsInPartsThatReassembleExactly() throws Exception {
    String bucket = s3.createBucket(broker.uniqueName("multipart"));
    byte[] body = new byte[12 * 1024 * 1024 + 123];
    new Random(42).nextBytes(body);
    try (S3ObjectStore store = new S3ObjectStore(s3.newClient(), bucket, 5 << 20, 5 << 20)) {
      store.put("big.ndjson.gz", body);
      store.put("small.ndjson.gz", new byte[] {1, 2, 3});
    }

    Map<String, byte[]> objects = s3.objects(bucket);
    assertThat(objects.get("big.ndjson.gz")).isEqualTo(body);
    assertThat(objects.get("small.ndjson.gz")).containsExactly(1, 2, 3);
    assertThat(s3.client().headObject(b -> b.bucket(bucket).key("big.ndjson.gz")).eTag()).endsWith("-2\"");
  }

  @Test
  void stopsOnAMissingBucketInsteadOfRetryingForever() throws Exception {
    S3ObjectStore store = S3ObjectStore.create(s3.settings("no-such-bucket", ""));

    assertThatThrownBy(() -> store.put("k", new byte[] {1})).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("404");
    store.close();
  }
}
