package io.logpipe.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

  @Test
  void turnsPrefixedVariablesIntoClientProperties() {
    ConfigReader r = ConfigReader.of("SHIPPER", Map.of(
        "SHIPPER_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
        "SHIPPER_KAFKA_LINGER_MS", "5",
        "SHIPPER_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "MULTILINE_KAFKA_ACKS", "1"), Optional.empty());
    KafkaSettings kafka = KafkaSettings.read(r);
    r.done();
    assertThat(kafka.bootstrapServers()).isEqualTo("k1:9092,k2:9092");
    assertThat(kafka.clientOverrides()).containsExactlyInAnyOrderEntriesOf(
        Map.of("linger.ms", "5", "security.protocol", "SASL_SSL"));
    assertThat(kafka.clientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "bootstrap.servers", "k1:9092,k2:9092", "linger.ms", "5", "security.protocol", "SASL_SSL"));
  }

  @Test
  void defaultsToLocalhostAndOverridesWinOverBootstrapServers() {
    KafkaSettings defaults = KafkaSettings.read(ConfigReader.of("X", Map.of(), Optional.empty()));
    assertThat(defaults.bootstrapServers()).isEqualTo("localhost:9092");
    KafkaSettings overridden = new KafkaSettings("a:1", Map.of("bootstrap.servers", "b:2"));
    assertThat(overridden.clientProperties()).containsEntry("bootstrap.servers", "b:2");
  }

  @Test
  void emptyBootstrapServersIsAProblem() {
    ConfigReader r = ConfigReader.of("X", Map.of("X_BOOTSTRAP_SERVERS", ""), Optional.empty());
    KafkaSettings.read(r);
    assertThat(r.problems()).containsExactly("X_BOOTSTRAP_SERVERS: must not be empty");
  }

  @Test
  void toStringMasksCredentials() {
    KafkaSettings kafka = new KafkaSettings("k:9092",
        Map.of("sasl.jaas.config", "secret-stuff", "ssl.truststore.password", "pw", "acks", "all"));
    assertThat(kafka.toString()).doesNotContain("secret-stuff").doesNotContain("=pw")
        .contains("acks=all", "sasl.jaas.config=****");
  }

  @Test
  void httpPortDefaultsTo8080AndRejectsOutOfRange() {
    assertThat(HttpSettings.read(ConfigReader.of("X", Map.of(), Optional.empty())).port()).isEqualTo(8080);
    assertThat(HttpSettings.read(ConfigReader.of("X", Map.of("X_HTTP_PORT", "0"), Optional.empty())).port())
        .isZero();
    ConfigReader r = ConfigReader.of("X", Map.of("X_HTTP_PORT", "-5"), Optional.empty());
    assertThat(HttpSettings.read(r).port()).isEqualTo(8080);
    assertThat(r.problems()).containsExactly("X_HTTP_PORT: -5 is outside [0, 65535]");
  }
}
