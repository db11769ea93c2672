package io.logpipe.runtime.errors;

import io.logpipe.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds dead-letter records for {@code logs.dlq.v1} (or another topic): the original key and value bytes,
 * untouched, so a fixed stage can replay them, and the provenance in {@link DeadLetterHeaders}. The error message
 * is bounded; the record content itself never goes into a header.
 */
public final class DeadLetters {

  /** Marks a coordinate that does not exist (a record that did not come from a topic, a punctuation). */
  public static final int NO_PARTITION = -1;

  private final InstantSource clock;
  private final String topic;

  /** Dead letters to {@code logs.dlq.v1}. */
  public DeadLetters(InstantSource clock) {
    this(clock, Topics.DLQ.name());
  }

  /** Dead letters to another topic: a per-environment DLQ, or an isolated one in tests. */
  public DeadLetters(InstantSource clock, String topic) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /** Dead letters stamped with the system clock. */
  public static DeadLetters systemClock() {
    return new DeadLetters(InstantSource.system());
  }

  /**
   * The DLQ record of one rejected input. {@code sourceTopic} may be null, and {@code partition}/{@code offset}
   * negative, when the input had no such coordinates: those headers are then left out.
   */
  public ProducerRecord<byte[], byte[]> record(String stage, String sourceTopic, int partition, long offset,
      byte[] key, byte[] value, Throwable error) {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(error, "error");
    Headers headers = new RecordHeaders();
    put(headers, DeadLetterHeaders.STAGE, stage);
    put(headers, DeadLetterHeaders.ERROR_CLASS, error.getClass().getName());
    put(headers, DeadLetterHeaders.ERROR_MESSAGE, boundedMessage(error));
    if (sourceTopic != null) {
      put(headers, DeadLetterHeaders.TOPIC, sourceTopic);
    }
    if (partition >= 0) {
      put(headers, DeadLetterHeaders.PARTITION, Integer.toString(partition));
    }
    if (offset >= 0) {
      put(headers, DeadLetterHeaders.OFFSET, Long.toString(offset));
    }
    put(headers, DeadLetterHeaders.TIME, clock.instant().toString());
    return new ProducerRecord<>(topic, null, key, value, headers);
  }

  /** The first line of the message (or the class name when there is none), cut to the header's bound. */
  static String boundedMessage(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.getClass().getSimpleName();
    }
    String firstLine = message.lines().findFirst().orElse("");
    int max = DeadLetterHeaders.MAX_MESSAGE_CHARS;
    if (firstLine.length() <= max) {
      return firstLine;
    }
    int cut = Character.isHighSurrogate(firstLine.charAt(max - 2)) ? max - 2 : max - 1;
    return firstLine.substring(0, cut) + "…";
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
