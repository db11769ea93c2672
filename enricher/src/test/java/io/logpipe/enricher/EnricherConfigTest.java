package io.logpipe.enricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnricherConfigTest {

  private static EnricherConfig read(Map<String, String> env) {
    return EnricherConfig.read(ConfigReader.of(EnricherConfig.PREFIX, env, Optional.empty()));
  }

  @Test
  void hasTheDocumentedDefaults() {
    EnricherConfig c = read(Map.of());

    assertThat(c.kubernetes()).isTrue();
    assertThat(c.stage().applicationId()).isEqualTo("logpipe-enricher");
    assertThat(c.settings().deletedGrace()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.settings().hold().maxWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.settings().selection().podLabels().keeps("app.kubernetes.io/name")).isTrue();
    assertThat(c.settings().selection().podAnnotations().keeps("anything")).isFalse();
  }

  @Test
  void readsSelectionsAndDurations() {
    EnricherConfig c = read(Map.of(
        "ENRICHER_POD_ANNOTATIONS_ALLOW", "example.com/*, owner",
        "ENRICHER_POD_LABELS_DENY", "app",
        "ENRICHER_DELETED_POD_GRACE", "30m",
        "ENRICHER_KUBERNETES", "false"));

    assertThat(c.kubernetes()).isFalse();
    assertThat(c.settings().selection().podAnnotations().keeps("example.com/team")).isTrue();
    assertThat(c.settings().selection().podAnnotations().keeps("owner")).isTrue();
    assertThat(c.settings().selection().podLabels().keeps("app")).isFalse();
    assertThat(c.settings().deletedGrace()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> read(Map.of(
        "ENRICHER_HOLD_TIME", "soon",
        "ENRICHER_BODY_MAX_DEPTH", "0",
        "ENRICHER_NODE_LABELS_ALLOW", "a*b",
        "ENRICHER_SYNC_TIMEOUT", "0s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ENRICHER_HOLD_TIME")
        .hasMessageContaining("ENRICHER_BODY_MAX_DEPTH")
        .hasMessageContaining("ENRICHER_NODE_LABELS_ALLOW")
        .hasMessageContaining("ENRICHER_SYNC_TIMEOUT");
  }
}
