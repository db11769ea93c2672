package io.logpipe.deploy;

import static io.logpipe.deploy.KafkaSettingsTest.secretRef;
import static io.logpipe.deploy.KafkaSettingsTest.value;
import static io.logpipe.deploy.RenderedChart.component;
import static io.logpipe.deploy.RenderedChart.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each component gets its settings under its own prefix: sinks' endpoints and secrets, redaction, routing. */
class ComponentSettingsTest {

  @Test
  void sinkEndpointsComeFromValuesAndCredentialsFromSecrets() {
    RenderedChart chart = RenderedChart.withEveryFeature();

    Container opensearch = pod(chart, "sink-opensearch").getContainers().get(0);
    assertThat(value(opensearch, "SINK_OPENSEARCH_URL")).isEqualTo("https://opensearch.search.svc:9200");
    assertThat(secretRef(opensearch, "SINK_OPENSEARCH_USERNAME")).isEqualTo("opensearch-credentials/username");
    assertThat(secretRef(opensearch, "SINK_OPENSEARCH_PASSWORD")).isEqualTo("opensearch-credentials/password");
    Container s3 = pod(chart, "sink-s3").getContainers().get(0);
    assertThat(value(s3, "SINK_S3_TARGET")).isEqualTo("s3://acme-logs/cluster-a");
    assertThat(value(s3, "SINK_S3_ENDPOINT")).isEqualTo("https://minio.storage.svc:9000");
    assertThat(value(s3, "SINK_S3_PATH_STYLE")).isEqualTo("true");
    assertThat(secretRef(s3, "SINK_S3_SECRET_ACCESS_KEY")).isEqualTo("s3-credentials/secret-access-key");
    Container loki = pod(chart, "sink-loki").getContainers().get(0);
    assertThat(value(loki, "SINK_LOKI_URL")).isEqualTo("http://loki-gateway.loki.svc");
    assertThat(secretRef(loki, "SINK_LOKI_TENANT")).isEqualTo("loki-tenant/tenant");
    assertThat(loki.getArgs()).containsExactly("sink", "--backend", "loki");
  }

  @Test
  void eachSinkIsItsOwnDeploymentOnlyWhenEnabled() {
    assertThat(RenderedChart.withDefaults().all(Deployment.class)).extracting(RenderedChart::name)
        .containsExactlyInAnyOrder(component("multiline"), component("enricher"), component("redactor"),
            component("router"), component("sink-loki"));
  }

  @Test
  void theRedactionHashKeyIsAMountedSecretAndThePolicyAConfigMap() {
    RenderedChart chart = RenderedChart.withEveryFeature();
    PodSpec redactor = pod(chart, "redactor");

    Volume key = volume(redactor, "hash-key");
    assertThat(key.getSecret().getSecretName()).isEqualTo("logpipe-redaction-key");
    assertThat(key.getSecret().getDefaultMode()).isEqualTo(0440);
    assertThat(value(container(redactor), "REDACTOR_HASH_KEY_FILE")).isEqualTo("/etc/logpipe/hash-key/hash-key");
    assertThat(container(redactor).getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getName()).isEqualTo("hash-key");
      assertThat(m.getReadOnly()).isTrue();
    });
    String policy = chart.one(ConfigMap.class, component("redactor-policy")).getData().get("policy.yaml");
    assertThat(policy).contains("email: hash");
    assertThat(value(container(redactor), "REDACTOR_POLICY_FILE")).isEqualTo("/etc/logpipe/redaction/policy.yaml");
  }

  @Test
  void aChangedPolicyOrConfigRollsThePodsThatReadIt() {
    String before = checksum(RenderedChart.withDefaults(), "redactor");

    assertThat(checksum(RenderedChart.with(Map.of("redactor.policy.default.rules.email", "hash")), "redactor"))
        .isNotEqualTo(before);
    assertThat(checksum(RenderedChart.with(Map.of("multiline.config.quiet-time", "3s")), "multiline"))
        .isNotEqualTo(checksum(RenderedChart.withDefaults(), "multiline"));
    assertThat(checksum(RenderedChart.with(Map.of("multiline.config.quiet-time", "3s")), "redactor"))
        .isEqualTo(before);
  }

  private static String checksum(RenderedChart chart, String name) {
    return chart.one(Deployment.class, component(name)).getSpec().getTemplate().getMetadata().getAnnotations()
        .get("checksum/config");
  }

  @Test
  void theRouterSendsUnmatchedEventsToTheEnabledSinksAndReadsItsRulesFromItsConfigFile() {
    RenderedChart defaults = RenderedChart.withDefaults();
    assertThat(value(container(pod(defaults, "router")), "ROUTER_DEFAULT_SINKS")).isEqualTo("loki");

    RenderedChart chart = RenderedChart.withEveryFeature();
    Container router = container(pod(chart, "router"));
    assertThat(value(router, "ROUTER_DEFAULT_SINKS")).isEqualTo("loki,opensearch,s3");
    assertThat(value(router, "ROUTER_CONFIG_FILE")).isEqualTo("/etc/logpipe/config/config.yaml");
    assertThat(chart.one(ConfigMap.class, component("router")).getData().get("config.yaml"))
        .contains("rule:", "errors:", "severity: '>=ERROR'", "- opensearch");
  }

  @Test
  void componentConfigMapsAreMountedAndNamedByConfigFile() {
    RenderedChart chart = RenderedChart.withEveryFeature();
    PodSpec multiline = pod(chart, "multiline");

    assertThat(value(container(multiline), "MULTILINE_CONFIG_FILE")).isEqualTo("/etc/logpipe/config/config.yaml");
    assertThat(volume(multiline, "config").getConfigMap().getName()).isEqualTo(component("multiline"));
    assertThat(chart.one(ConfigMap.class, component("multiline")).getData().get("config.yaml"))
        .contains("quiet-time: 2s");
    assertThat(value(container(multiline), "MULTILINE_STATE_DIR")).isEqualTo("/var/lib/logpipe/state");
    assertThat(volume(multiline, "state").getEmptyDir()).isNotNull();
  }

  @Test
  void theEnricherWatchesTheApiUnlessToldNotTo() {
    assertThat(value(container(pod(RenderedChart.withDefaults(), "enricher")), "ENRICHER_KUBERNETES"))
        .isEqualTo("true");
    assertThat(value(container(pod(RenderedChart.with(Map.of("enricher.kubernetes", false)), "enricher")),
        "ENRICHER_KUBERNETES")).isEqualTo("false");
  }

  @Test
  void theEventsCollectorIsNamedPerReleaseAndKnowsItsPodForTheLease() {
    RenderedChart chart = RenderedChart.render(java.util.Optional.of(RenderedChart.ALL_FEATURES),
        Map.of("events.autoscaling.enabled", true));
    Deployment events = chart.one(Deployment.class, component("k8s-events"));
    Container collector = container(events.getSpec().getTemplate());

    assertThat(collector.getArgs()).containsExactly("k8s-events");
    assertThat(value(collector, "EVENTS_NAME")).isEqualTo(component("k8s-events"));
    assertThat(KafkaSettingsTest.env(collector, "POD_NAME").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.name");
    assertThat(KafkaSettingsTest.env(collector, "POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    // Leader-elected: a fixed standby pair, never autoscaled.
    assertThat(events.getSpec().getReplicas()).isEqualTo(2);
    assertThat(chart.generic("ScaledObject")).noneMatch(s -> RenderedChart.name(s).equals(component("k8s-events")));
  }

  private static PodSpec pod(RenderedChart chart, String name) {
    return chart.one(Deployment.class, component(name)).getSpec().getTemplate().getSpec();
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }
}
