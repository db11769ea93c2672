package io.logpipe.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.health.DropReason;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.schemas.Topics;
import java.time.InstantSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class DeadLetterWriterTest {

  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final ServiceMetrics metrics = ServiceMetrics.bare("sink-s3");
  private final ConsumerRecord<byte[], byte[]> record =
      new ConsumerRecord<>("logs.sink.s3.v1", 2, 77L, new byte[] {1}, new byte[] {2, 3});
  private final Exception error = new IllegalArgumentException("no namespace");

  private DeadLetterWriter writer(ErrorPolicy policy) {
    return DeadLetterWriter.using(producer, "sink-s3", policy, metrics, InstantSource.system());
  }

  @Test
  void deadLetterSendsTheOriginalRecordAndCountsIt() {
    try (DeadLetterWriter writer = writer(ErrorPolicy.DEAD_LETTER)) {
      assertThat(writer.reject(record, error, DropReason.REJECTED)).isPresent();
    }
    assertThat(producer.history()).singleElement().satisfies(sent -> {
      assertThat(sent.topic()).isEqualTo(Topics.DLQ.name());
      assertThat(sent.key()).containsExactly(1);
      assertThat(sent.value()).containsExactly(2, 3);
      assertThat(DeadLettersTest.headers(sent.headers()))
          .containsEntry(DeadLetterHeaders.STAGE, "sink-s3")
          .containsEntry(DeadLetterHeaders.TOPIC, "logs.sink.s3.v1")
          .containsEntry(DeadLetterHeaders.PARTITION, "2")
          .containsEntry(DeadLetterHeaders.OFFSET, "77");
    });
    assertThat(metrics.deadLetteredCount("sink-s3", "java.lang.IllegalArgumentException")).isEqualTo(1.0);
    assertThat(producer.closed()).as("a borrowed producer is not closed").isFalse();
  }

  @Test
  void dropSendsNothingAndCountsTheReason() {
    try (DeadLetterWriter writer = writer(ErrorPolicy.DROP)) {
      assertThat(writer.reject(record, error, DropReason.REJECTED)).isEmpty();
    }
    assertThat(producer.history()).isEmpty();
    assertThat(metrics.droppedCount("sink-s3", DropReason.REJECTED)).isEqualTo(1.0);
  }

  @Test
  void failThrowsAndSendsNothing() {
    try (DeadLetterWriter writer = writer(ErrorPolicy.FAIL)) {
      assertThatThrownBy(() -> writer.reject(record, error, DropReason.REJECTED))
          .isInstanceOf(PoisonRecordException.class)
          .hasMessageContaining("sink-s3").hasMessageContaining("logs.sink.s3.v1-2@77")
          .hasCause(error);
    }
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void deadLettersJoinTheCallersTransaction() {
    producer.initTransactions();
    producer.beginTransaction();
    try (DeadLetterWriter writer = writer(ErrorPolicy.DEAD_LETTER)) {
      writer.reject(record, error, DropReason.REJECTED);
    }
    assertThat(producer.history()).isEmpty();
    producer.commitTransaction();
    assertThat(producer.history()).hasSize(1);
  }
}
