package io.logpipe.redactor.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final KeyedHasher HASHER = new KeyedHasher("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8), 16);
  private final Redactor redactor = new Redactor(HASHER);

  @Test
  void masksEachFindingWithItsRuleAndCountsThem() {
    Redaction r = redactor.redact("mail jane@example.com and bob@example.org, card 4111111111111111", Policy.defaults());

    assertThat(r.text()).isEqualTo("mail [REDACTED:email] and [REDACTED:email], card [REDACTED:pan]");
    assertThat(r.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("email", 2, "pan", 1));
    assertThat(r.outcome()).isEqualTo(Redaction.Outcome.REDACTED);
  }

  @Test
  void leavesTextWithoutFindingsIdentical() {
    String line = "GET /api/v1/orders/8f14e45f-ceea-467f-a0e6-4e1b5a2b3c4d 200 12ms trace=4bf92f3577b34da6a3ce929d0e0e4736 v1.2.3";
    Redaction r = redactor.redact(line, Policy.defaults());

    assertThat(r.text()).isSameAs(line);
    assertThat(r.changed()).isFalse();
    assertThat(r.counts()).isEmpty();
  }

  @Test
  void hashesTheSameValueToTheSameTokenAndDifferentValuesApart() {
    Policy hashing = policy("email", Action.HASH);
    String a = redactor.redact("from jane@example.com", hashing).text();
    String b = redactor.redact("to jane@example.com", hashing).text();
    String c = redactor.redact("to john@example.com", hashing).text();

    assertThat(a).matches("from \\[HASHED:email:[0-9a-f]{16}]");
    assertThat(a.substring(5)).isEqualTo(b.substring(3));
    assertThat(c.substring(3)).isNotEqualTo(b.substring(3));
    assertThat(a).doesNotContain("jane");
  }

  @Test
  void tokensDependOnTheKey() {
    KeyedHasher other = new KeyedHasher("another-key-of-16-bytes".getBytes(StandardCharsets.UTF_8), 16);
    assertThat(other.token("jane@example.com")).isNotEqualTo(HASHER.token("jane@example.com"));
  }

  @Test
  void reportsDropFieldAndDropEventWithTheRuleThatAskedForIt() {
    Map<String, Action> actions = Policy.defaultActions();
    actions.put("pan", Action.DROP_EVENT);
    actions.put("email", Action.DROP_FIELD);
    Policy policy = new Policy(actions, Policy.defaults().sensitiveKeys(), List.of());

    assertThat(redactor.redact("jane@example.com", policy).outcome()).isEqualTo(Redaction.Outcome.DROP_FIELD);
    Redaction both = redactor.redact("jane@example.com 4111111111111111", policy);
    assertThat(both.outcome()).isEqualTo(Redaction.Outcome.DROP_EVENT);
    assertThat(both.dropRule()).isEqualTo("pan");
  }

  @Test
  void offRulesDoNotRunAndOptInRulesCanBeEnabled() {
    assertThat(redactor.redact("client 10.1.2.3", Policy.defaults()).changed()).isFalse();
    assertThat(redactor.redact("client 10.1.2.3", policy("ipv4", Action.MASK)).text()).isEqualTo("client [REDACTED:ipv4]");
    assertThat(redactor.redact("jane@example.com", policy("email", Action.OFF)).changed()).isFalse();
  }

  @Test
  void redactsTheWholeValueOfASensitiveField() {
    Redaction r = redactor.redactField("db.password", "correct horse battery staple", Policy.defaults());
    assertThat(r.text()).isEqualTo("[REDACTED:password]");
    assertThat(r.counts()).containsEntry("password", 1);

    Redaction plain = redactor.redactField("user.email", "jane@example.com", Policy.defaults());
    assertThat(plain.text()).isEqualTo("[REDACTED:email]");
    assertThat(redactor.redactField("http.status", "200", Policy.defaults()).changed()).isFalse();
  }

  @Test
  void refusesToHashWithoutAKey() {
    Redactor keyless = new Redactor(null);
    assertThatThrownBy(() -> keyless.redact("jane@example.com", policy("email", Action.HASH)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("jane");
  }

  @Test
  void rejectsShortHashKeys() {
    assertThatThrownBy(() -> new KeyedHasher(new byte[8], 16)).isInstanceOf(IllegalArgumentException.class);
    assertThat(HASHER.toString()).doesNotContain("0123456789abcdef");
  }

  private static Policy policy(String rule, Action action) {
    Map<String, Action> actions = Policy.defaultActions();
    actions.put(rule, action);
    return new Policy(actions, Policy.defaults().sensitiveKeys(), List.of());
  }
}
