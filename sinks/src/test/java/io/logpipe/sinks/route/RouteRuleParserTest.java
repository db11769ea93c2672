package io.logpipe.sinks.route;

import static io.logpipe.sinks.SinkName.LOKI;
import static io.logpipe.sinks.SinkName.OPENSEARCH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteRuleParserTest {

  private final RouteRuleParser parser = new RouteRuleParser("ROUTER_RULE_");

  @Test
  void readsOneRulePerNameWithEveryField() {
    var result = parser.parse(Map.of(
        "PAYMENT_ERRORS_SINKS", "loki, opensearch",
        "PAYMENT_ERRORS_NAMESPACE", "payments,payments-*",
        "PAYMENT_ERRORS_CONTAINER", "server",
        "PAYMENT_ERRORS_SEVERITY", ">=ERROR",
        "PAYMENT_ERRORS_MESSAGE", "card; declined && (expired|refused)",
        "PAYMENT_ERRORS_LABELS", "app=api",
        "AUDIT_SINKS", "opensearch"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.rules()).extracting(RouteRule::name).containsExactly("audit", "payment_errors");
    RouteRule rule = result.rules().get(1);
    assertThat(rule.sinks()).containsExactlyInAnyOrder(LOKI, OPENSEARCH);
    assertThat(rule.conditions()).hasSize(5);
    assertThat(rule.describe()).contains("message~card; declined && (expired|refused)");
    assertThat(result.rules().get(0).conditions()).isEmpty();
  }

  @Test
  void acceptsLowerCaseAndDottedKeysAsFromYaml() {
    var result = parser.parse(Map.of("errors.sinks", "loki", "errors-severity", "ERROR"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.rules()).singleElement().extracting(RouteRule::name).isEqualTo("errors");
  }

  @Test
  void reportsEveryProblemAtOnceWithTheVariableName() {
    var result = parser.parse(Map.of(
        "A_SINKS", "loki,elastic",
        "A_SEVERITY", "LOUD",
        "B_NAMESPACE", "payments",
        "C_SINKS", "s3",
        "C_MESSAGE", "(unclosed",
        "D_COLOUR", "red"));

    assertThat(result.rules()).isEmpty();
    assertThat(result.problems()).map(Object::toString).containsExactlyInAnyOrder(
        "ROUTER_RULE_A_SINKS: unknown sink 'elastic' (one of loki, opensearch, s3)",
        "ROUTER_RULE_A_SEVERITY: unknown severity 'LOUD' (one of [TRACE, DEBUG, INFO, WARN, ERROR, FATAL])",
        "ROUTER_RULE_B_SINKS: names no sink (one or more of loki, opensearch, s3)",
        "ROUTER_RULE_C_MESSAGE: invalid regular expression: Unclosed group",
        "ROUTER_RULE_D_COLOUR: unknown rule field "
            + "(expected <NAME>_[SINKS, NAMESPACE, CONTAINER, SEVERITY, MESSAGE, LABELS])");
  }
}
