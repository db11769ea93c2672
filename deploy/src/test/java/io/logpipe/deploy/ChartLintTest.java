package io.logpipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code helm lint} and {@code helm template} in-process: the chart renders, and refuses what cannot work. */
class ChartLintTest {

  @Test
  void lintsWithoutErrorOrWarningInStrictMode() {
    LintResult result = new Helm(RenderedChart.CHART).lint().strict().call();

    assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void rendersWithDefaultValuesAndWithEveryOptionalFeature() {
    assertThat(RenderedChart.withDefaults().names())
        .contains("DaemonSet/logpipe-shipper", "Deployment/logpipe-multiline", "Deployment/logpipe-enricher",
            "Deployment/logpipe-redactor", "Deployment/logpipe-router", "Deployment/logpipe-sink-loki",
            "ClusterRole/logpipe-enricher")
        .doesNotContain("Deployment/logpipe-k8s-events", "Deployment/logpipe-sink-s3");
    assertThat(RenderedChart.withEveryFeature().names())
        .contains("Deployment/logpipe-sink-opensearch", "Deployment/logpipe-sink-s3", "Deployment/logpipe-k8s-events",
            "ScaledObject/logpipe-multiline", "HorizontalPodAutoscaler/logpipe-enricher",
            "ServiceMonitor/logpipe", "KafkaTopic/logpipe-logs-raw-v1", "TriggerAuthentication/logpipe-kafka")
        .doesNotContain("Job/logpipe-topics");
  }

  @Test
  void refusesAnUnknownShipperMode() {
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(), Map.of("shipper.mode", "best-effort")))
        .hasMessageContaining("shipper.mode must be one of the following");
  }

  @Test
  void refusesAMisspeltValueOrAnUnknownPolicyThroughTheValuesSchema() {
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(), Map.of("shiper.mode", "at-least-once")))
        .hasMessageContaining("shiper");
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(), Map.of("redactor.errorPolicy", "ignore")))
        .hasMessageContaining("errorPolicy");
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(), Map.of("kafka.sasl.mechanism", "GSSAPI")))
        .hasMessageContaining("mechanism");
  }

  @Test
  void refusesMoreAutoscaledReplicasThanPartitions() {
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(),
        Map.of("multiline.autoscaling.enabled", true, "multiline.autoscaling.maxReplicas", 7)))
        .hasMessageContaining("multiline.autoscaling.maxReplicas (7) exceeds topics.partitions (6)");
  }

  @Test
  void refusesARouterWithNowhereToRoute() {
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(), Map.of("sinks.loki.enabled", false)))
        .hasMessageContaining("every event would be unrouted");
  }
}
