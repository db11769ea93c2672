package io.logpipe.deploy;

import static io.logpipe.deploy.RenderedChart.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One Kafka block reaches every component under its own prefix, secrets by reference only. */
class KafkaSettingsTest {

  @Test
  void everyComponentReachesKafkaOverSaslAndTlsWithTheSameSecrets() {
    RenderedChart chart = RenderedChart.withEveryFeature();

    assertThat(chart.longRunningPodTemplates()).hasSize(9).allSatisfy((workload, template) -> {
      Container c = container(template);
      String p = prefix(c);
      assertThat(value(c, p + "_BOOTSTRAP_SERVERS")).as(workload).isEqualTo("kafka-kafka-bootstrap.kafka.svc:9093");
      assertThat(value(c, p + "_KAFKA_SECURITY_PROTOCOL")).as(workload).isEqualTo("SASL_SSL");
      assertThat(value(c, p + "_KAFKA_SASL_MECHANISM")).as(workload).isEqualTo("SCRAM-SHA-512");
      assertThat(secretRef(c, p + "_KAFKA_SASL_JAAS_CONFIG")).as(workload).isEqualTo("logpipe-scram/sasl.jaas.config");
      assertThat(secretRef(c, p + "_KAFKA_SSL_KEYSTORE_PASSWORD")).as(workload).isEqualTo("logpipe-user/user.password");
      assertThat(value(c, p + "_KAFKA_SSL_TRUSTSTORE_TYPE")).as(workload).isEqualTo("PEM");
      assertThat(value(c, p + "_KAFKA_SSL_TRUSTSTORE_LOCATION")).as(workload).isEqualTo("/etc/logpipe/kafka-ca/ca.crt");
      assertThat(value(c, p + "_KAFKA_CLIENT_DNS_LOOKUP")).as(workload).isEqualTo("use_all_dns_ips");
      assertThat(secretVolume(template, "kafka-ca")).as(workload).isEqualTo("kafka-cluster-ca-cert");
      assertThat(c.getVolumeMounts()).as(workload)
          .anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/etc/logpipe/kafka-ca");
            assertThat(m.getReadOnly()).isTrue();
          });
    });
  }

  @Test
  void aComponentCanUseItsOwnKafkaUserSoAclsCanFenceTheUnredactedTopics() {
    RenderedChart chart = RenderedChart.render(Optional.of(RenderedChart.ALL_FEATURES),
        Map.of("shipper.kafkaSaslSecret", "logpipe-shipper", "sinks.s3.kafkaSaslSecret", "logpipe-sink-s3"));

    Map<String, String> jaas = new java.util.TreeMap<>();
    chart.longRunningPodTemplates().forEach((workload, template) -> {
      Container c = container(template);
      jaas.put(workload, secretRef(c, prefix(c) + "_KAFKA_SASL_JAAS_CONFIG"));
    });
    assertThat(jaas).containsEntry("DaemonSet/logpipe-shipper", "logpipe-shipper/sasl.jaas.config")
        .containsEntry("Deployment/logpipe-sink-s3", "logpipe-sink-s3/sasl.jaas.config")
        .containsEntry("Deployment/logpipe-multiline", "logpipe-scram/sasl.jaas.config")
        .containsEntry("Deployment/logpipe-sink-loki", "logpipe-scram/sasl.jaas.config");
  }

  @Test
  void defaultsArePlaintextWithNoSecretsMounted() {
    assertThat(RenderedChart.withDefaults().longRunningPodTemplates()).allSatisfy((workload, template) -> {
      Container c = container(template);
      assertThat(value(c, prefix(c) + "_KAFKA_SECURITY_PROTOCOL")).as(workload).isEqualTo("PLAINTEXT");
      assertThat(template.getSpec().getVolumes()).as(workload).allSatisfy(v -> assertThat(v.getSecret()).isNull());
    });
  }

  @Test
  void saslWithoutASecretIsRefused() {
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(),
        Map.of("kafka.sasl.enabled", true, "topics.mode", "none")))
        .hasMessageContaining("kafka.sasl.secret.name is required");
  }

  @Test
  void theTopicsJobReachesASecuredClusterWithTheSharedKafkaSettings() {
    // helm-java's template leaves hook resources out, so render the Job as a plain resource.
    var chart = RenderedChart.with(
        Map.of("kafka.tls.enabled", true, "kafka.tls.caSecret.name", "ca", "topics.job.hook", false));
    var job = chart.all(io.fabric8.kubernetes.api.model.batch.v1.Job.class).get(0);
    Container c = container(job.getSpec().getTemplate());
    assertThat(value(c, "TOPICS_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SSL");
    assertThat(value(c, "TOPICS_BOOTSTRAP_SERVERS")).isNotBlank();
    assertThat(job.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(v -> assertThat(v.getName())
        .isEqualTo("kafka-ca"));
  }

  /** The component's env prefix, from its bootstrap variable (SHIPPER_, MULTILINE_, SINK_, EVENTS_...). */
  static String prefix(Container c) {
    return c.getEnv().stream().map(EnvVar::getName).filter(n -> n.endsWith("_BOOTSTRAP_SERVERS")).findFirst()
        .map(n -> n.substring(0, n.length() - "_BOOTSTRAP_SERVERS".length())).orElseThrow();
  }

  static String value(Container c, String name) {
    return env(c, name).getValue();
  }

  static String secretRef(Container c, String name) {
    var ref = env(c, name).getValueFrom().getSecretKeyRef();
    return ref.getName() + "/" + ref.getKey();
  }

  static EnvVar env(Container c, String name) {
    return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + c.getName()));
  }

  private static String secretVolume(PodTemplateSpec template, String name) {
    return template.getSpec().getVolumes().stream().filter(v -> v.getName().equals(name)).map(Volume::getSecret)
        .findFirst().orElseThrow().getSecretName();
  }
}
