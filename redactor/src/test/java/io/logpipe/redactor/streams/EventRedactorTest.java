package io.logpipe.redactor.streams;

import static io.logpipe.redactor.streams.Events.PAYMENTS;
import static io.logpipe.redactor.streams.Events.SHOP;
import static io.logpipe.redactor.streams.Events.event;
import static io.logpipe.redactor.streams.Events.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.redactor.RedactorMetrics;
import io.logpipe.redactor.policy.PolicyFile;
import io.logpipe.redactor.policy.PolicySet;
import io.logpipe.redactor.policy.Redactor;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.RedactionSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRedactorTest {
  private final RedactorMetrics metrics = RedactorMetrics.standalone();

  private EventRedactor redactor(PolicySet policies) {
    return new EventRedactor(policies, new Redactor(null), metrics);
  }

  @Test
  void redactsMessageBodyAndAttributesAndFillsTheSummary() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("user.email", "jane@example.com");
    attributes.put("db.password", "correct horse");
    attributes.put("http.status", "200");
    LogEvent in = event(SHOP, "{\"msg\":\"login jane@example.com\",\"password\":\"hunter22\"}",
        parsed("login jane@example.com", attributes));

    LogEvent out = redactor(PolicySet.defaults()).redact(in).orElseThrow();

    assertThat(out.getMessage()).isEqualTo("{\"msg\":\"login [REDACTED:email]\",\"password\":\"[REDACTED:password]\"}");
    assertThat(out.getParsed().getBody()).isEqualTo("login [REDACTED:email]");
    assertThat(out.getParsed().getAttributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "user.email", "[REDACTED:email]", "db.password", "[REDACTED:password]", "http.status", "200"));
    assertThat(out.getRedaction().getCountsByRule()).containsExactlyInAnyOrderEntriesOf(Map.of("email", 3, "password", 2));
    assertThat(in.getMessage()).contains("jane@example.com");
    assertThat(in.getParsed().getAttributes()).containsEntry("db.password", "correct horse");
    assertThat(metrics.redactions("email")).isEqualTo(3);
    assertThat(metrics.events(RedactorMetrics.Outcome.REDACTED)).isEqualTo(1);
  }

  @Test
  void passesCleanEventsWithAnEmptySummary() {
    LogEvent in = event(SHOP, "GET /orders/8f14e45f-ceea-467f-a0e6-4e1b5a2b3c4d 200 trace=4bf92f3577b34da6a3ce929d0e0e4736");

    LogEvent out = redactor(PolicySet.defaults()).redact(in).orElseThrow();

    assertThat(out.getMessage()).isSameAs(in.getMessage());
    assertThat(out.getRedaction().getCountsByRule()).isEmpty();
    assertThat(metrics.events(RedactorMetrics.Outcome.UNCHANGED)).isEqualTo(1);
  }

  @Test
  void appliesTheNamespacePolicyAndDropsEventsItAsksFor() {
    PolicySet policies = PolicyFile.parse("""
                namespaces:
                  payments:
                    rules: {pan: drop_event, email: drop_field}
                """);
    EventRedactor redactor = redactor(policies);

    assertThat(redactor.redact(event(PAYMENTS, "card 4111111111111111"))).isEmpty();
    assertThat(redactor.redact(event(SHOP, "card 4111111111111111")).orElseThrow().getMessage())
        .isEqualTo("card [REDACTED:pan]");
    LogEvent fieldDropped = redactor.redact(event(PAYMENTS, "ok", parsed("mail a@example.com",
        Map.of("to", "a@example.com", "n", "1")))).orElseThrow();
    assertThat(fieldDropped.getParsed().getBody()).isNull();
    assertThat(fieldDropped.getParsed().getAttributes()).containsOnlyKeys("n");
    assertThat(redactor.redact(event(PAYMENTS, "to a@example.com")).orElseThrow().getMessage())
        .isEqualTo("[DROPPED:email]");
    assertThat(metrics.events(RedactorMetrics.Outcome.EVENT_DROPPED)).isEqualTo(1);
    assertThat(metrics.service().droppedCount(RedactorMetrics.STAGE, io.logpipe.runtime.health.DropReason.POLICY))
        .isEqualTo(1);
  }

  @Test
  void addsToCountsAnEarlierPassLeft() {
    LogEvent in = event(SHOP, "mail a@example.com");
    in.setRedaction(new RedactionSummary(Map.of("email", 2, "pan", 1)));

    Optional<LogEvent> out = redactor(PolicySet.defaults()).redact(in);

    assertThat(out.orElseThrow().getRedaction().getCountsByRule())
        .containsExactlyInAnyOrderEntriesOf(Map.of("email", 3, "pan", 1));
  }
}
