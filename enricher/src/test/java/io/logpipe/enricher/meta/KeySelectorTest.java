package io.logpipe.enricher.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KeySelectorTest {

  private final KeySelector defaults = MetadataSelection.defaults().podLabels();

  @ParameterizedTest(name = "{0} kept: {1}")
  @CsvSource({
      "app, true",
      "app.kubernetes.io/name, true",
      "app.kubernetes.io/part-of, true",
      "pod-template-hash, false",
      "apps, false",
      "application, false",
      "helm.sh/chart, false",
      "app.kubernetes.io, false"
  })
  void defaultsKeepTheCommonAppLabelsOnly(String key, boolean kept) {
    assertThat(defaults.keeps(key)).isEqualTo(kept);
  }

  @Test
  void denyWinsOverAllow() {
    KeySelector selector = KeySelector.of(List.of("*"), List.of("secret/*", "pod-template-hash"));

    Map<String, String> kept = selector.select(Map.of("team", "a", "secret/token", "x", "pod-template-hash", "h"));

    assertThat(kept).containsExactly(Map.entry("team", "a"));
  }

  @Test
  void anEmptyAllowListKeepsNothing() {
    assertThat(KeySelector.none().select(Map.of("app", "web"))).isEmpty();
    assertThat(KeySelector.none().select(null)).isEmpty();
  }

  @Test
  void malformedPatternsAreAllReportedAtOnce() {
    assertThatThrownBy(() -> KeySelector.of(List.of("a*b", " app"), List.of("")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a*b'")
        .hasMessageContaining("' app'")
        .hasMessageContaining("deny pattern is empty");
  }
}
