package io.logpipe.shipper.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.shipper.ShipperConfig;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

  private static ShipperConfig config(Map<String, String> env) {
    ConfigReader r = ConfigReader.of("SHIPPER", Map.of(), env, Optional.empty());
    ShipperConfig config = ShipperConfig.read(r);
    r.done();
    return config;
  }

  @Test
  void keepsTheProducersBuffersToAQuarterOfTheChartsHeapWhileAnyRecordStillFits() {
    Map<String, Object> props = ProducerSettings.of(config(Map.of("NODE_NAME", "n")), true);

    assertThat(props).containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)
        .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L << 20);
    // the chart's heap is 64 MiB (a quarter of the 256Mi limit) and the pool keeps what it once held
    assertThat((long) props.get(ProducerConfig.BUFFER_MEMORY_CONFIG)).isLessThanOrEqualTo((64L << 20) / 4);
    // a record larger than buffer.memory is refused by the producer, whatever max.request.size allows
    assertThat((long) props.get(ProducerConfig.BUFFER_MEMORY_CONFIG))
        .isGreaterThanOrEqualTo((int) props.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
  }

  @Test
  void letsTheUserOverrideTheBuffersAndASourcesDefaultsOnlyWhereTheUserSetNothing() {
    ShipperConfig config = config(Map.of("NODE_NAME", "n", "SHIPPER_KAFKA_BUFFER_MEMORY", "33554432"));

    assertThat(ProducerSettings.of(config, true)).containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, "33554432");
    Map<String, Object> source = ProducerSettings.forSource(config, "t-files", Map.of(
        ProducerConfig.BUFFER_MEMORY_CONFIG, 8L << 20, ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024));
    assertThat(source).containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, "33554432")
        .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024)
        .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "t-files");
  }

  @Test
  void lingersTwentyMillisecondsUnlessTheUserChoseOtherwise() {
    assertThat(ProducerSettings.of(config(Map.of("NODE_NAME", "n")), true))
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20);
    assertThat(ProducerSettings.of(config(Map.of("NODE_NAME", "n", "SHIPPER_KAFKA_LINGER_MS", "5")), false))
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5");
  }
}
