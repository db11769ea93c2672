package io.logpipe.runtime.errors;

import io.logpipe.runtime.health.Reason;
import io.logpipe.runtime.health.ServiceMetrics;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ErrorPolicy} implemented once: given a record a stage could not handle, decide whether to go on and
 * what to send to the dead-letter topic, count it, and log it, identically in every stage and every handler.
 *
 * <p>Logs name the stage, the coordinates and the error class, never the error message or the record: both can
 * carry the log content the pipeline transports (the message goes to the DLQ header, bounded, where the same
 * access rules as the data apply).
 */
public final class PoisonRecords {

  private static final Logger LOG = LoggerFactory.getLogger(PoisonRecords.class);

  /** The outcome: go on or stop, and the dead letter to write when the policy says so. */
  public record Verdict(boolean resume, Optional<ProducerRecord<byte[], byte[]>> deadLetter) {

    static final Verdict FAIL = new Verdict(false, Optional.empty());
    static final Verdict SKIP = new Verdict(true, Optional.empty());
  }

  private final String stage;
  private final ErrorPolicy policy;
  private final DeadLetters deadLetters;
  private final Optional<ServiceMetrics> metrics;

  public PoisonRecords(String stage, ErrorPolicy policy, DeadLetters deadLetters, Optional<ServiceMetrics> metrics) {
    this.stage = Objects.requireNonNull(stage, "stage");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  public String stage() {
    return stage;
  }

  public ErrorPolicy policy() {
    return policy;
  }

  /**
   * Applies the policy to one rejected record. {@code dropReason} is the label counted under {@link ErrorPolicy#DROP}.
   */
  public Verdict judge(String topic, int partition, long offset, byte[] key, byte[] value, Throwable error,
      Reason dropReason) {
    String where = topic == null ? "(no source topic)" : topic + "-" + partition + "@" + offset;
    switch (policy) {
      case FAIL -> {
        LOG.error("stage {}: record {} failed with {}; error policy FAIL stops the service",
            stage, where, error.getClass().getName());
        return Verdict.FAIL;
      }
      case DROP -> {
        metrics.ifPresent(m -> m.recordsDropped(stage, dropReason));
        LOG.warn("stage {}: dropped record {} after {} (error policy DROP)", stage, where, error.getClass().getName());
        return Verdict.SKIP;
      }
      case DEAD_LETTER -> {
        metrics.ifPresent(m -> m.deadLettered(stage, error.getClass().getName()));
        LOG.warn("stage {}: dead-lettered record {} after {}", stage, where, error.getClass().getName());
        return new Verdict(true,
            Optional.of(deadLetters.record(stage, topic, partition, offset, key, value, error)));
      }
      default -> throw new IllegalStateException("unknown error policy " + policy);
    }
  }
}
