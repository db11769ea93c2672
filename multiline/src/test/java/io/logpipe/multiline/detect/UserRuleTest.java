package io.logpipe.multiline.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserRuleTest {

  @Test
  void reportsEveryProblemOfARuleAtOnce() {
    List<String> problems = new ArrayList<>();
    assertThat(UserRule.of("bad", null, "[", null, "sideways", "(", null, "*", problems)).isEmpty();
    assertThat(problems).hasSize(4).anyMatch(p -> p.contains("mode")).anyMatch(p -> p.contains("pod"))
        .anyMatch(p -> p.contains("start")).anyMatch(p -> p.contains("end"));
  }

  @Test
  void requiresAtLeastOnePattern() {
    List<String> problems = new ArrayList<>();
    assertThat(UserRule.of("empty", "ns", null, null, null, null, null, null, problems)).isEmpty();
    assertThat(problems).singleElement().asString().contains("at least one");
  }

  @Test
  void selectsByNamespacePodPatternAndContainer() {
    UserRule r = rule("ns", "web-.*", "app", "replace", "^START", null, null);
    assertThat(r.selects("ns", "web-1", "app")).isTrue();
    assertThat(r.selects("other", "web-1", "app")).isFalse();
    assertThat(r.selects("ns", "db-1", "app")).isFalse();
    assertThat(r.selects("ns", "web-1", "sidecar")).isFalse();
  }

  @Test
  void startRuleGroupsUntilTheNextStartAndLeavesEarlierLinesAlone() {
    Detectors d = new Detectors(List.of(rule(null, null, null, "replace", "^START", null, null)), true);
    assertThat(BuiltinDetectorsTest.assemble(List.of("a", "START 1", "b", "START 2"), d))
        .containsExactly("a", "START 1\nb", "START 2");
  }

  @Test
  void endRuleClosesTheEventWithItsLine() {
    Detectors d = new Detectors(List.of(rule(null, null, null, "replace", "^BEGIN", null, "^END")), true);
    assertThat(BuiltinDetectorsTest.assemble(List.of("BEGIN", "x", "END", "after"), d))
        .containsExactly("BEGIN\nx\nEND", "after");
  }

  @Test
  void extendModeKeepsTheBuiltInsForOtherLines() {
    Detectors d = new Detectors(List.of(rule(null, null, null, "extend", "^\\[", "^\\s+", null)), true);
    assertThat(BuiltinDetectorsTest.assemble(List.of("[x] one", "  two", "java.lang.Error: e",
        "\tat a.B(B.java:1)", "plain"), d))
        .containsExactly("[x] one\n  two", "java.lang.Error: e\n\tat a.B(B.java:1)", "plain");
  }

  @Test
  void replaceModeTurnsTheBuiltInsOff() {
    Detectors d = new Detectors(List.of(rule(null, null, null, "replace", "^\\[", null, null)), true);
    assertThat(BuiltinDetectorsTest.assemble(List.of("java.lang.Error: e", "\tat a.B(B.java:1)"), d))
        .containsExactly("java.lang.Error: e", "\tat a.B(B.java:1)");
  }

  @Test
  void withoutBuiltinsOrRulesEveryLineIsItsOwnEvent() {
    assertThat(BuiltinDetectorsTest.assemble(List.of("java.lang.Error: e", "\tat a.B(B.java:1)"),
        new Detectors(List.of(), false))).containsExactly("java.lang.Error: e", "\tat a.B(B.java:1)");
  }

  static UserRule rule(String ns, String pod, String container, String mode, String start, String cont,
                       String end) {
    List<String> problems = new ArrayList<>();
    return UserRule.of("r", ns, pod, container, mode, start, cont, end, problems).orElseThrow();
  }
}
