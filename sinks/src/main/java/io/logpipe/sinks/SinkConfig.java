package io.logpipe.sinks;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.config.HttpSettings;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.sinks.loki.LokiSettings;
import io.logpipe.sinks.opensearch.OpenSearchSettings;
import io.logpipe.sinks.s3.S3Settings;
import io.logpipe.sinks.worker.BatchPolicy;
import io.logpipe.sinks.worker.RetryBackoff;
import java.time.Duration;
import java.util.Optional;

/**
 * A sink worker's settings, env prefix {@code SINK_} (one Deployment per backend, each its own consumer group; see
 * the module README for the table). Backend settings are read only for the chosen backend.
 */
public record SinkConfig(
    SinkName backend,
    KafkaSettings kafka,
    HttpSettings http,
    String groupId,
    String topic,
    BatchPolicy batch,
    Duration retryInitial,
    Duration retryMax,
    ErrorPolicy errorPolicy,
    Optional<S3Settings> s3,
    Optional<OpenSearchSettings> opensearch,
    Optional<LokiSettings> loki) {

  public static final String PREFIX = "SINK";

  public static SinkConfig read(ConfigReader r) {
    String backendName = r.requiredString("BACKEND");
    Optional<SinkName> parsed = backendName.isEmpty() ? Optional.empty() : SinkName.parse(backendName);
    r.check(backendName.isEmpty() || parsed.isPresent(), "BACKEND",
        "'" + backendName + "' is not one of loki, opensearch, s3");
    SinkName backend = parsed.orElse(SinkName.S3);
    KafkaSettings kafka = KafkaSettings.read(r);
    HttpSettings http = HttpSettings.read(r);
    String groupId = r.string("GROUP_ID", "logpipe-sink-" + backend.id());
    String topic = r.string("TOPIC", backend.topic().name());
    int maxRecords = r.intInRange("BATCH_MAX_RECORDS", BatchPolicy.DEFAULT.maxRecords(), 1, 1_000_000);
    long maxBytes = r.bytes("BATCH_MAX_BYTES", BatchPolicy.DEFAULT.maxBytes());
    Duration maxAge = r.duration("BATCH_MAX_AGE", BatchPolicy.DEFAULT.maxAge());
    r.check(maxBytes > 0, "BATCH_MAX_BYTES", "must be positive");
    r.check(maxAge.toMillis() > 0, "BATCH_MAX_AGE", "must be positive");
    Duration retryInitial = r.duration("RETRY_INITIAL", Duration.ofMillis(200));
    Duration retryMax = r.duration("RETRY_MAX", Duration.ofSeconds(30));
    r.check(retryInitial.toMillis() > 0 && retryMax.compareTo(retryInitial) >= 0, "RETRY_MAX",
        "must be at least RETRY_INITIAL, which must be positive");
    ErrorPolicy errorPolicy = r.enumValue("ERROR_POLICY", ErrorPolicy.class, ErrorPolicy.DEAD_LETTER);
    Optional<S3Settings> s3 = backend == SinkName.S3 ? Optional.of(S3Settings.read(r)) : Optional.empty();
    Optional<OpenSearchSettings> opensearch =
        backend == SinkName.OPENSEARCH ? Optional.of(OpenSearchSettings.read(r)) : Optional.empty();
    Optional<LokiSettings> loki = backend == SinkName.LOKI ? Optional.of(LokiSettings.read(r)) : Optional.empty();
    r.done();
    return new SinkConfig(backend, kafka, http, groupId, topic,
        new BatchPolicy(maxRecords, Math.max(1, maxBytes), maxAge.toMillis() > 0 ? maxAge : Duration.ofSeconds(1)),
        retryInitial, retryMax, errorPolicy, s3, opensearch, loki);
  }

  /** The S3 sink writing into a local directory, with default batching: the {@code local} mode's sink. */
  public static SinkConfig s3Directory(KafkaSettings kafka, java.nio.file.Path dir) {
    return new SinkConfig(SinkName.S3, kafka, new HttpSettings(0), "logpipe-sink-s3", SinkName.S3.topic().name(),
        BatchPolicy.DEFAULT, Duration.ofMillis(200), Duration.ofSeconds(30), ErrorPolicy.DEAD_LETTER,
        Optional.of(S3Settings.directory(dir)), Optional.empty(), Optional.empty());
  }

  /** The same settings with another batch policy (tests, the demo's short flush interval). */
  public SinkConfig withBatch(BatchPolicy policy) {
    return new SinkConfig(backend, kafka, http, groupId, topic, policy, retryInitial, retryMax, errorPolicy, s3,
        opensearch, loki);
  }

  /** The same settings reading another topic (replay, tests). */
  public SinkConfig withTopic(String name) {
    return new SinkConfig(backend, kafka, http, groupId, name, batch, retryInitial, retryMax, errorPolicy, s3,
        opensearch, loki);
  }

  /** The same settings with another consumer group (replay, tests). */
  public SinkConfig withGroupId(String group) {
    return new SinkConfig(backend, kafka, http, group, topic, batch, retryInitial, retryMax, errorPolicy, s3,
        opensearch, loki);
  }

  public RetryBackoff retryBackoff() {
    return RetryBackoff.of(retryInitial, retryMax);
  }
}
