package io.logpipe.redactor.streams;

import io.logpipe.redactor.RedactorMetrics;
import io.logpipe.redactor.policy.Policy;
import io.logpipe.redactor.policy.PolicySet;
import io.logpipe.redactor.policy.Redaction;
import io.logpipe.redactor.policy.Redactor;
import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.RedactionSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Redacts one {@link LogEvent} under its namespace's policy: the message, {@code parsed.body} and every
 * {@code parsed.attributes} value (an attribute whose key names a secret is redacted whole). Fills
 * {@code redaction.countsByRule}, adding to counts an earlier pass left. No Kafka here.
 */
public final class EventRedactor {
  static final String DROPPED_MESSAGE = "[DROPPED:%s]";

  private final PolicySet policies;
  private final Redactor redactor;
  private final RedactorMetrics metrics;

  public EventRedactor(PolicySet policies, Redactor redactor, RedactorMetrics metrics) {
    this.policies = policies;
    this.redactor = redactor;
    this.metrics = metrics;
  }

  /** The redacted event, or empty when a rule with action drop_event matched. Never mutates its input. */
  public Optional<LogEvent> redact(LogEvent event) {
    Policy policy = policies.forNamespace(namespace(event));
    Map<String, Integer> counts = new TreeMap<>();
    boolean[] fieldDropped = {false};
    boolean[] eventDropped = {false};

    Redaction message = redactor.redact(event.getMessage(), policy);
    account(message, counts, fieldDropped, eventDropped);
    String newMessage = switch (message.outcome()) {
      case DROP_FIELD, DROP_EVENT -> String.format(DROPPED_MESSAGE, message.dropRule());
      default -> message.text();
    };

    ParsedBody parsed = event.getParsed();
    ParsedBody newParsed = parsed;
    if (parsed != null) {
      newParsed = ParsedBody.newBuilder(parsed).build();
      if (parsed.getBody() != null) {
        Redaction body = redactor.redact(parsed.getBody(), policy);
        account(body, counts, fieldDropped, eventDropped);
        newParsed.setBody(keeps(body) ? body.text() : null);
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      parsed.getAttributes().forEach((key, value) -> {
        Redaction r = redactor.redactField(key, value, policy);
        account(r, counts, fieldDropped, eventDropped);
        if (keeps(r)) {
          attributes.put(key, r.text());
        }
      });
      newParsed.setAttributes(attributes);
    }

    if (eventDropped[0]) {
      count(counts);
      metrics.event(RedactorMetrics.Outcome.EVENT_DROPPED);
      return Optional.empty();
    }
    if (counts.isEmpty()) {
      metrics.event(RedactorMetrics.Outcome.UNCHANGED);
      return Optional.of(copy(event, event.getMessage(), parsed, merged(event.getRedaction(), counts)));
    }
    count(counts);
    metrics.event(fieldDropped[0] ? RedactorMetrics.Outcome.FIELD_DROPPED : RedactorMetrics.Outcome.REDACTED);
    return Optional.of(copy(event, newMessage, newParsed, merged(event.getRedaction(), counts)));
  }

  /**
   * A shallow copy with the redacted fields: unchanged parts are shared, not deep-copied. Every event leaves with a
   * summary, empty when nothing was found, so downstream can tell "redacted, clean" from "never redacted".
   */
  private static LogEvent copy(LogEvent e, String message, ParsedBody parsed, Map<String, Integer> counts) {
    return new LogEvent(e.getTimeUnixNano(), e.getTimeText(), e.getStream(), message, e.getSource(), e.getFlags(),
        e.getKubernetes(), parsed, new RedactionSummary(counts));
  }

  private static boolean keeps(Redaction r) {
    return r.outcome() != Redaction.Outcome.DROP_FIELD && r.outcome() != Redaction.Outcome.DROP_EVENT;
  }

  private static void account(Redaction r, Map<String, Integer> counts, boolean[] fieldDropped, boolean[] eventDropped) {
    r.counts().forEach((rule, n) -> counts.merge(rule, n, Integer::sum));
    fieldDropped[0] |= r.outcome() == Redaction.Outcome.DROP_FIELD;
    eventDropped[0] |= r.outcome() == Redaction.Outcome.DROP_EVENT;
  }

  private void count(Map<String, Integer> counts) {
    counts.forEach(metrics::redacted);
  }

  private static Map<String, Integer> merged(RedactionSummary earlier, Map<String, Integer> counts) {
    Map<String, Integer> all = new TreeMap<>(counts);
    if (earlier != null) {
      earlier.getCountsByRule().forEach((rule, n) -> all.merge(rule, n, Integer::sum));
    }
    return all;
  }

  private static String namespace(LogEvent event) {
    KubernetesMetadata k8s = event.getKubernetes();
    return k8s == null ? null : k8s.getNamespace();
  }
}
