package io.logpipe.sinks.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionsTest {

  private static RoutingSubject subject(String ns, String container, String severity, String message,
      Map<String, String> labels) {
    return new RoutingSubject(ns, container, severity, message, labels);
  }

  static Stream<Arguments> cases() {
    RoutingSubject payments = subject("payments-eu", "server", "ERROR", "charge failed: card declined",
        Map.of("app", "api", "tier", "front"));
    RoutingSubject quiet = subject("old-payments-eu", "sidecar", "", "GET /healthz 200", Map.of());
    return Stream.of(
        Arguments.of(Conditions.namespace(List.of("payments-*")), payments, true),
        Arguments.of(Conditions.namespace(List.of("payments-*")), quiet, false),
        Arguments.of(Conditions.namespace(List.of("checkout", "old-*")), quiet, true),
        Arguments.of(Conditions.namespace(List.of("payments-e?")), payments, true),
        Arguments.of(Conditions.namespace(List.of("payments.eu")), payments, false),
        Arguments.of(Conditions.container(List.of("server")), payments, true),
        Arguments.of(Conditions.container(List.of("server")), quiet, false),
        Arguments.of(Conditions.severity("ERROR,FATAL"), payments, true),
        Arguments.of(Conditions.severity("warn"), payments, false),
        Arguments.of(Conditions.severity(">=WARN"), payments, true),
        Arguments.of(Conditions.severity(">=FATAL"), payments, false),
        Arguments.of(Conditions.severity(">=TRACE"), quiet, false),
        Arguments.of(Conditions.message("card (declined|expired)"), payments, true),
        Arguments.of(Conditions.message("^GET /healthz"), quiet, true),
        Arguments.of(Conditions.message("^GET /healthz"), payments, false),
        Arguments.of(Conditions.labels("app=api,tier==front"), payments, true),
        Arguments.of(Conditions.labels("app=api,tier=back"), payments, false),
        Arguments.of(Conditions.labels("tier!=back"), payments, true),
        Arguments.of(Conditions.labels("tier!=back"), quiet, true),
        Arguments.of(Conditions.labels("app"), payments, true),
        Arguments.of(Conditions.labels("app"), quiet, false),
        Arguments.of(Conditions.labels("!app"), quiet, true),
        Arguments.of(Conditions.labels("!app"), payments, false));
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @MethodSource("cases")
  void matchesAsWritten(Condition condition, RoutingSubject subject, boolean expected) {
    assertThat(condition.test(subject)).as(condition.describe()).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of((Runnable) () -> Conditions.severity("LOUD"), "unknown severity 'LOUD'"),
        Arguments.of((Runnable) () -> Conditions.severity(">="), "unknown severity ''"),
        Arguments.of((Runnable) () -> Conditions.message("(unclosed"), "invalid regular expression"),
        Arguments.of((Runnable) () -> Conditions.labels("app=api,,tier"), "invalid label requirement"),
        Arguments.of((Runnable) () -> Conditions.labels("=x"), "invalid label requirement"),
        Arguments.of((Runnable) () -> Conditions.namespace(List.of()), "one or more"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalid")
  void rejectsMalformedConditions(Runnable build, String problem) {
    assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(problem);
  }
}
