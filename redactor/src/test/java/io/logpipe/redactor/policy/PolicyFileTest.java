package io.logpipe.redactor.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.redactor.scan.Rule;
import org.junit.jupiter.api.Test;

class PolicyFileTest {

  @Test
  void appliesTheDefaultSectionAndMergesNamespacesOverIt() {
    PolicySet set = PolicyFile.parse("""
                default:
                  rules: {email: hash, ipv4: mask}
                  sensitiveKeys: {pin: password}
                  custom:
                    - {rule: order_ref, pattern: 'ORD-[0-9]{8}', action: mask}
                namespaces:
                  payments:
                    rules: {pan: drop_event, ipv4: off}
                """);

    Policy base = set.defaultPolicy();
    assertThat(base.action("email")).isEqualTo(Action.HASH);
    assertThat(base.action("ipv4")).isEqualTo(Action.MASK);
    assertThat(base.action("pan")).isEqualTo(Action.MASK);
    assertThat(base.action("phone")).isEqualTo(Action.OFF);
    assertThat(base.action("order_ref")).isEqualTo(Action.MASK);
    assertThat(base.sensitiveKey("card_pin")).contains(Rule.PASSWORD);

    Policy payments = set.forNamespace("payments");
    assertThat(payments.action("pan")).isEqualTo(Action.DROP_EVENT);
    assertThat(payments.action("email")).isEqualTo(Action.HASH);
    assertThat(payments.action("ipv4")).isEqualTo(Action.OFF);
    assertThat(set.forNamespace("shop")).isSameAs(base);
    assertThat(set.forNamespace(null)).isSameAs(base);
    assertThat(set.usesHashing()).isTrue();
  }

  @Test
  void customPatternsRedactWhatTheyMatch() {
    PolicySet set = PolicyFile.parse("""
                default:
                  custom:
                    - {rule: order_ref, pattern: 'ORD-[0-9]{8}'}
                """);
    Redaction r = new Redactor(null).redact("order ORD-12345678 shipped", set.defaultPolicy());
    assertThat(r.text()).isEqualTo("order [REDACTED:order_ref] shipped");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> PolicyFile.parse("""
                default:
                  rules: {emial: mask, pan: scramble}
                  custom:
                    - {rule: Bad-Name, pattern: 'x'}
                    - {rule: broken, pattern: '(unclosed'}
                  sensitiveKeys: {pin: nothing}
                namespacez: {}
                """))
        .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.problems()).hasSize(6)
            .anySatisfy(p -> assertThat(p).contains("emial"))
            .anySatisfy(p -> assertThat(p).contains("scramble"))
            .anySatisfy(p -> assertThat(p).contains("Bad-Name"))
            .anySatisfy(p -> assertThat(p).contains("custom[1].pattern"))
            .anySatisfy(p -> assertThat(p).contains("nothing"))
            .anySatisfy(p -> assertThat(p).contains("namespacez")));
  }

  @Test
  void anEmptyFileIsTheDefaultPolicy() {
    PolicySet set = PolicyFile.parse("");
    assertThat(set.defaultPolicy().actions()).isEqualTo(Policy.defaults().actions());
    assertThat(set.namespaces()).isEmpty();
  }

  @Test
  void rejectsMalformedYaml() {
    assertThatThrownBy(() -> PolicyFile.parse("default: [unclosed")).isInstanceOf(PolicyException.class);
  }
}
