package io.logpipe.runtime.errors;

import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.schemas.Topics;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Custom {@code StreamsConfig} keys read by the logpipe exception handlers (Streams instantiates handlers by class
 * and hands them every original config, objects included), and their parsed form. Set by
 * {@code StreamsSettings.forStage}.
 */
public record StreamsErrorConfig(String stage, ErrorPolicy policy, Optional<ServiceMetrics> metrics,
    InstantSource clock, String deadLetterTopic) {

  /** The stage name, as in the DLQ header and the metrics' {@code stage} label. */
  public static final String STAGE = "logpipe.stage";
  /** An {@link ErrorPolicy} or its name; default {@link ErrorPolicy#DEAD_LETTER}. */
  public static final String POLICY = "logpipe.error.policy";
  /** Optional: a {@link ServiceMetrics} instance to count drops and dead letters. */
  public static final String METRICS = "logpipe.metrics";
  /** Optional: an {@link InstantSource} for the DLQ time header (tests). */
  public static final String CLOCK = "logpipe.clock";
  /** Optional: the dead-letter topic; default {@code logs.dlq.v1}. */
  public static final String DLQ_TOPIC = "logpipe.dlq.topic";

  public static StreamsErrorConfig from(Map<String, ?> configs) {
    Object stage = configs.get(STAGE);
    if (!(stage instanceof String s) || s.isBlank()) {
      throw new ConfigException(STAGE, stage, "the logpipe exception handlers need the stage name");
    }
    Object policy = configs.get(POLICY);
    ErrorPolicy parsed;
    if (policy == null) {
      parsed = ErrorPolicy.DEAD_LETTER;
    } else if (policy instanceof ErrorPolicy p) {
      parsed = p;
    } else {
      try {
        parsed = ErrorPolicy.valueOf(policy.toString().strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(POLICY, policy, "not one of FAIL, DROP, DEAD_LETTER");
      }
    }
    Optional<ServiceMetrics> metrics = configs.get(METRICS) instanceof ServiceMetrics m ? Optional.of(m)
        : Optional.empty();
    InstantSource clock = configs.get(CLOCK) instanceof InstantSource c ? c : InstantSource.system();
    String topic = configs.get(DLQ_TOPIC) instanceof String t && !t.isBlank() ? t : Topics.DLQ.name();
    return new StreamsErrorConfig(s, parsed, metrics, clock, topic);
  }

  PoisonRecords poisonRecords() {
    return new PoisonRecords(stage, policy, new DeadLetters(clock, deadLetterTopic), metrics);
  }
}
