package io.logpipe.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

  enum SinkReason implements Reason {
    CARDINALITY_GUARD;

    @Override
    public String label() {
      return "cardinality_guard";
    }
  }

  @Test
  void countsDropsPerStageAndReason() {
    try (ServiceMetrics metrics = ServiceMetrics.bare("redactor")) {
      metrics.recordsDropped("redactor", DropReason.POLICY);
      metrics.recordsDropped("redactor", DropReason.POLICY, 4);
      metrics.recordsDropped("redactor", DropReason.UNPARSED);
      assertThat(metrics.droppedCount("redactor", DropReason.POLICY)).isEqualTo(5.0);
      assertThat(metrics.droppedCount("redactor", DropReason.UNPARSED)).isEqualTo(1.0);
      assertThat(metrics.droppedCount("router", DropReason.POLICY)).isZero();
    }
  }

  @Test
  void acceptsAStagesOwnReasons() {
    try (ServiceMetrics metrics = ServiceMetrics.bare("sink-loki")) {
      metrics.recordsDropped("sink-loki", SinkReason.CARDINALITY_GUARD);
      assertThat(metrics.registry().scrape()).contains("reason=\"cardinality_guard\"");
    }
  }

  @Test
  void capsTheNumberOfDistinctErrorLabels() {
    try (ServiceMetrics metrics = ServiceMetrics.bare("enricher")) {
      for (int i = 0; i < 40; i++) {
        metrics.deadLettered("enricher", "com.example.Error" + i);
      }
      assertThat(metrics.deadLetteredCount("enricher", "com.example.Error0")).isEqualTo(1.0);
      assertThat(metrics.deadLetteredCount("enricher", BoundedLabels.OTHER)).isEqualTo(8.0);
    }
  }

  @Test
  void createBindsJvmAndProcessMeters() {
    try (ServiceMetrics metrics = ServiceMetrics.create("shipper")) {
      assertThat(metrics.registry().scrape())
          .contains("jvm_memory_used_bytes")
          .contains("process_uptime_seconds")
          .contains("logpipe_log_messages_suppressed_total")
          .contains("service=\"shipper\"");
    }
  }

  @Test
  void bindsKafkaClientMetrics() {
    // Not connected (nothing listens on port 9): a client has metrics from construction.
    Map<String, Object> config = Map.of("bootstrap.servers", "127.0.0.1:9", "client.id", "bound");
    try (ServiceMetrics metrics = ServiceMetrics.bare("shipper");
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        Admin admin = Admin.create(config)) {
      metrics.bind(producer);
      metrics.bind(admin);
      assertThat(metrics.registry().getMeters()).extracting(m -> m.getId().getName())
          .anyMatch(name -> name.startsWith("kafka.producer."))
          .anyMatch(name -> name.startsWith("kafka.admin.client."));
    }
  }

  @Test
  void dropReasonLabelsAreLowerSnakeCase() {
    assertThat(DropReason.BUFFER_FULL.label()).isEqualTo("buffer_full");
    assertThat(DropReason.OVERSIZED.label()).isEqualTo("oversized");
  }
}
