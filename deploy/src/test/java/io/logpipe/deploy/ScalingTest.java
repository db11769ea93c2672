package io.logpipe.deploy;

import static io.logpipe.deploy.RenderedChart.component;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-stage scaling: replicas, KEDA on consumer lag, HPA on CPU, and metrics scraping. */
class ScalingTest {

  @Test
  void kedaScalesEachStageOnTheLagOfItsOwnGroupOnItsInputTopic() {
    RenderedChart chart = RenderedChart.withEveryFeature();

    // The consumer group of a Streams stage is its application id (defaults in each *Config); a sink's is
    // logpipe-sink-<backend> (SinkConfig).
    assertThat(trigger(chart, "multiline")).containsEntry("topic", "logs.raw.v1")
        .containsEntry("consumerGroup", "logpipe-multiline").containsEntry("lagThreshold", "5000")
        .containsEntry("sasl", "scram_sha512").containsEntry("tls", "enable");
    assertThat(trigger(chart, "redactor")).containsEntry("topic", "logs.enriched.v1")
        .containsEntry("consumerGroup", "logpipe-redactor");
    assertThat(trigger(chart, "sink-loki")).containsEntry("topic", "logs.sink.loki.v1")
        .containsEntry("consumerGroup", "logpipe-sink-loki");
    GenericKubernetesResource scaled = scaledObject(chart, "multiline");
    assertThat(spec(scaled)).containsEntry("minReplicaCount", 2).containsEntry("maxReplicaCount", 12);
    assertThat(chart.one(Deployment.class, component("multiline")).getSpec().getReplicas()).isNull();
  }

  @Test
  void kedaMeasuresTheGroupTheComponentIsToldToUse() {
    RenderedChart chart = RenderedChart.withEveryFeature();

    assertThat(KafkaSettingsTest.value(container(chart, "multiline"), "MULTILINE_APPLICATION_ID"))
        .isEqualTo(trigger(chart, "multiline").get("consumerGroup"));
    assertThat(KafkaSettingsTest.value(container(chart, "sink-loki"), "SINK_GROUP_ID"))
        .isEqualTo(trigger(chart, "sink-loki").get("consumerGroup"));
  }

  @Test
  void anotherReleaseUsesGroupsOfItsOwn() {
    RenderedChart other = new RenderedChart(RenderedChart.parse(
        RenderedChart.template("audit", java.util.Optional.empty(), Map.of())));

    Deployment router = other.one(Deployment.class, "audit-logpipe-router");
    assertThat(KafkaSettingsTest.value(router.getSpec().getTemplate().getSpec().getContainers().get(0),
        "ROUTER_APPLICATION_ID")).isEqualTo("audit-logpipe-router");
    Deployment loki = other.one(Deployment.class, "audit-logpipe-sink-loki");
    assertThat(KafkaSettingsTest.value(loki.getSpec().getTemplate().getSpec().getContainers().get(0),
        "SINK_GROUP_ID")).isEqualTo("audit-logpipe-sink-loki");
  }

  private static io.fabric8.kubernetes.api.model.Container container(RenderedChart chart, String name) {
    return chart.one(Deployment.class, component(name)).getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @Test
  void kedaAuthenticatesWithTheSameKafkaSecrets() {
    GenericKubernetesResource auth = RenderedChart.withEveryFeature().generic("TriggerAuthentication").get(0);

    assertThat(String.valueOf(spec(auth).get("secretTargetRef")))
        .contains("parameter=username", "name=logpipe-scram", "parameter=ca", "name=kafka-cluster-ca-cert");
  }

  @Test
  void anHpaScalesOnCpuWhereChosen() {
    RenderedChart chart = RenderedChart.withEveryFeature();

    HorizontalPodAutoscaler hpa = chart.one(HorizontalPodAutoscaler.class, component("enricher"));
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(component("enricher"));
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
    assertThat(hpa.getSpec().getMetrics()).singleElement()
        .satisfies(m -> assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(60));
    assertThat(chart.one(Deployment.class, component("enricher")).getSpec().getReplicas()).isNull();
  }

  @Test
  void withoutAutoscalingEachDeploymentHasItsOwnReplicaCount() {
    RenderedChart chart = RenderedChart.with(Map.of("redactor.replicas", 4));

    assertThat(chart.one(Deployment.class, component("redactor")).getSpec().getReplicas()).isEqualTo(4);
    assertThat(chart.one(Deployment.class, component("multiline")).getSpec().getReplicas()).isEqualTo(2);
    assertThat(chart.generic("ScaledObject")).isEmpty();
    assertThat(chart.all(HorizontalPodAutoscaler.class)).isEmpty();
  }

  @Test
  void theServiceMonitorScrapesEveryComponentsService() {
    RenderedChart chart = RenderedChart.withEveryFeature();
    GenericKubernetesResource monitor = chart.generic("ServiceMonitor").get(0);
    @SuppressWarnings("unchecked")
    Map<String, String> selector = (Map<String, String>) ((Map<String, Object>) spec(monitor).get("selector"))
        .get("matchLabels");

    assertThat(String.valueOf(spec(monitor).get("endpoints"))).contains("port=http", "path=/metrics");
    assertThat(chart.all(Service.class)).hasSize(9).allSatisfy(service -> {
      assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selector);
      assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getName()).isEqualTo("http"));
    });
    assertThat(chart.longRunningPodTemplates().values()).allSatisfy(template -> assertThat(
        chart.all(Service.class).stream().anyMatch(s -> template.getMetadata().getLabels()
            .entrySet().containsAll(s.getSpec().getSelector().entrySet()))).isTrue());
  }

  private static GenericKubernetesResource scaledObject(RenderedChart chart, String name) {
    return chart.generic("ScaledObject").stream().filter(s -> RenderedChart.name(s).equals(component(name)))
        .findFirst().orElseThrow(() -> new AssertionError("no ScaledObject " + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> trigger(RenderedChart chart, String name) {
    var triggers = (java.util.List<Map<String, Object>>) spec(scaledObject(chart, name)).get("triggers");
    assertThat(triggers).singleElement().satisfies(t -> assertThat(t).containsEntry("type", "kafka"));
    return (Map<String, Object>) triggers.get(0).get("metadata");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }
}
