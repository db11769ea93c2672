package io.logpipe.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.DeadLetterDeserializationHandler;
import io.logpipe.runtime.errors.DeadLetterProcessingHandler;
import io.logpipe.runtime.errors.DeadLetterProductionHandler;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.errors.StreamsErrorConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  private static Properties props(Map<String, String> overrides) {
    return StreamsSettings.forStage("logpipe-multiline", new KafkaSettings("k:9092", overrides),
        Path.of("/var/lib/logpipe"), "multiline", ErrorPolicy.DROP);
  }

  @Test
  void configuresExactlyOnceHandlersAndLatencyDefaults() {
    StreamsConfig config = new StreamsConfig(props(Map.of()));
    assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
    assertThat(config.getString(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("logpipe-multiline");
    assertThat(config.getList(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).containsExactly("k:9092");
    assertThat(config.getString(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("/var/lib/logpipe");
    assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
    assertThat(config.getProducerConfigs("c")).containsEntry("compression.type", "lz4")
        .containsEntry("max.request.size", io.logpipe.schemas.Topics.MAX_RECORD_BYTES);
    assertThat(config.getClass(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterDeserializationHandler.class);
    assertThat(config.getClass(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterProcessingHandler.class);
    assertThat(config.getClass(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterProductionHandler.class);
    assertThat(config.originals()).containsEntry(StreamsErrorConfig.STAGE, "multiline")
        .containsEntry(StreamsErrorConfig.POLICY, "DROP");
  }

  @Test
  void clientOverridesComeLast() {
    Properties props = props(Map.of("commit.interval.ms", "1000", "producer.compression.type", "zstd"));
    StreamsConfig config = new StreamsConfig(props);
    assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(1000L);
    assertThat(config.getProducerConfigs("c")).containsEntry("compression.type", "zstd");
  }

  @Test
  void producersBatch64KibAndCompressWithLz4UnlessTheOperatorSaidOtherwiseInEitherForm() {
    StreamsConfig defaults = new StreamsConfig(props(Map.of()));
    assertThat(defaults.getProducerConfigs("c")).containsEntry("batch.size", "65536")
        .containsEntry("compression.type", "lz4");

    StreamsConfig plain = new StreamsConfig(props(Map.of("batch.size", "32768", "compression.type", "zstd")));
    assertThat(plain.getProducerConfigs("c")).containsEntry("batch.size", "32768")
        .containsEntry("compression.type", "zstd");
  }

  @Test
  void theHandlersAreConfiguredFromTheseProperties() {
    StreamsConfig config = new StreamsConfig(props(Map.of()));
    assertThat(config.deserializationExceptionHandler()).isInstanceOf(DeadLetterDeserializationHandler.class);
    assertThat(config.processingExceptionHandler()).isInstanceOf(DeadLetterProcessingHandler.class);
    assertThat(config.productionExceptionHandler()).isInstanceOf(DeadLetterProductionHandler.class);
  }
}
