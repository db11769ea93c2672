package io.logpipe.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.sinks.opensearch.IndexMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SinkConfigTest {

  private static SinkConfig read(Map<String, String> flags, Map<String, String> env) {
    return SinkConfig.read(ConfigReader.of(SinkConfig.PREFIX, flags, env, Optional.empty()));
  }

  @Test
  void readsTheS3BackendFromFlagsAsTheCommandLineGivesThem() {
    SinkCommand command = new SinkCommand();
    new CommandLine(command).parseArgs("--backend", "s3", "--target", "file:///var/lib/logpipe/out",
        "--bootstrap-servers", "127.0.0.1:9092");

    SinkConfig config = read(command.flags(), Map.of("SINK_BATCH_MAX_AGE", "2s"));

    assertThat(config.backend()).isEqualTo(SinkName.S3);
    assertThat(config.groupId()).isEqualTo("logpipe-sink-s3");
    assertThat(config.topic()).isEqualTo("logs.sink.s3.v1");
    assertThat(config.batch().maxAge()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.s3()).hasValueSatisfying(s3 -> {
      assertThat(s3.isFileTarget()).isTrue();
      assertThat(s3.prefix()).isEmpty();
    });
  }

  @Test
  void takesBucketAndPrefixFromAnS3Target() {
    SinkConfig config = read(Map.of(), Map.of("SINK_BACKEND", "s3", "SINK_S3_TARGET", "s3://archive/logs/prod",
        "SINK_S3_ENDPOINT", "http://127.0.0.1:9000", "SINK_S3_PATH_STYLE", "true"));

    assertThat(config.s3()).hasValueSatisfying(s3 -> {
      assertThat(s3.bucket()).isEqualTo("archive");
      assertThat(s3.prefix()).isEqualTo("/logs/prod");
      assertThat(s3.pathStyle()).isTrue();
    });
  }

  @Test
  void readsOnlyTheChosenBackendsSettings() {
    SinkConfig config = read(Map.of(), Map.of("SINK_BACKEND", "opensearch",
        "SINK_OPENSEARCH_URL", "http://127.0.0.1:9200", "SINK_OPENSEARCH_INDEX_MODE", "data-stream"));

    assertThat(config.s3()).isEmpty();
    assertThat(config.loki()).isEmpty();
    assertThat(config.opensearch()).hasValueSatisfying(os -> assertThat(os.mode()).isEqualTo(IndexMode.DATA_STREAM));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> read(Map.of(), Map.of("SINK_BACKEND", "loki", "SINK_LOKI_LABELS", "namespace,colour",
        "SINK_LOKI_TENANTS", "payments", "SINK_BATCH_MAX_RECORDS", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SINK_LOKI_URL: is required")
        .hasMessageContaining("SINK_LOKI_LABELS: unknown label 'colour'")
        .hasMessageContaining("SINK_LOKI_TENANTS: 'payments' is not namespace=tenant")
        .hasMessageContaining("SINK_BATCH_MAX_RECORDS: 0 is outside [1, 1000000]");
  }

  @Test
  void refusesAnUnknownBackendAndAnS3TargetOfAnotherKind() {
    assertThatThrownBy(() -> read(Map.of(), Map.of("SINK_BACKEND", "kafka")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("SINK_BACKEND: 'kafka' is not one of");
    assertThatThrownBy(() -> read(Map.of(), Map.of("SINK_BACKEND", "s3", "SINK_S3_TARGET", "ftp://x/y")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("is neither file:///dir nor s3://bucket");
  }
}
