package io.logpipe.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  static final Instant NOW = Instant.parse("2026-11-21T00:30:00Z");
  private final DeadLetters deadLetters = new DeadLetters(InstantSource.fixed(NOW));

  @Test
  void keepsTheOriginalBytesAndNamesTheProvenance() {
    byte[] key = "ns/pod/uid/c".getBytes(StandardCharsets.UTF_8);
    byte[] value = {0, 1, 2, (byte) 0xff};
    ProducerRecord<byte[], byte[]> dlq = deadLetters.record("multiline", "logs.raw.v1", 3, 1234L, key, value,
        new IllegalStateException("bad CRI line"));

    assertThat(dlq.topic()).isEqualTo(Topics.DLQ.name());
    assertThat(dlq.partition()).isNull();
    assertThat(dlq.key()).isSameAs(key);
    assertThat(dlq.value()).isSameAs(value);
    assertThat(headers(dlq.headers())).containsExactly(
        Map.entry(DeadLetterHeaders.STAGE, "multiline"),
        Map.entry(DeadLetterHeaders.ERROR_CLASS, "java.lang.IllegalStateException"),
        Map.entry(DeadLetterHeaders.ERROR_MESSAGE, "bad CRI line"),
        Map.entry(DeadLetterHeaders.TOPIC, "logs.raw.v1"),
        Map.entry(DeadLetterHeaders.PARTITION, "3"),
        Map.entry(DeadLetterHeaders.OFFSET, "1234"),
        Map.entry(DeadLetterHeaders.TIME, "2026-11-21T00:30:00Z"));
  }

  @Test
  void leavesOutCoordinatesThatDoNotExist() {
    ProducerRecord<byte[], byte[]> dlq = deadLetters.record("multiline", null, DeadLetters.NO_PARTITION, -1L,
        null, null, new RuntimeException());
    assertThat(headers(dlq.headers())).containsOnlyKeys(DeadLetterHeaders.STAGE, DeadLetterHeaders.ERROR_CLASS,
        DeadLetterHeaders.ERROR_MESSAGE, DeadLetterHeaders.TIME);
    assertThat(headers(dlq.headers())).containsEntry(DeadLetterHeaders.ERROR_MESSAGE, "RuntimeException");
  }

  @Test
  void boundsTheErrorMessageToItsFirstLineAndMaximumLength() {
    String longLine = "x".repeat(2000);
    assertThat(DeadLetters.boundedMessage(new RuntimeException(longLine + "\nsecond line")))
        .hasSize(DeadLetterHeaders.MAX_MESSAGE_CHARS).endsWith("…");
    assertThat(DeadLetters.boundedMessage(new RuntimeException("first\nsecond"))).isEqualTo("first");
    String emoji = "a".repeat(DeadLetterHeaders.MAX_MESSAGE_CHARS - 2) + "😀😀";
    String cut = DeadLetters.boundedMessage(new RuntimeException(emoji));
    assertThat(cut).hasSizeLessThanOrEqualTo(DeadLetterHeaders.MAX_MESSAGE_CHARS);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
  }

  static Map<String, String> headers(Headers headers) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Header h : headers) {
      map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
    }
    return map;
  }
}
