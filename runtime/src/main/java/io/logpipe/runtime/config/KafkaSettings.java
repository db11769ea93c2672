package io.logpipe.runtime.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a service reaches Kafka: the bootstrap servers and any client property, given as {@code <PREFIX>_KAFKA_*}
 * ({@code SHIPPER_KAFKA_LINGER_MS=5} → {@code linger.ms=5}, {@code SHIPPER_KAFKA_SECURITY_PROTOCOL=SSL} →
 * {@code security.protocol}). TLS and SASL come through these overrides; their secrets are masked when described.
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientOverrides) {

  public KafkaSettings {
    clientOverrides = Map.copyOf(clientOverrides);
  }

  /** Reads {@code BOOTSTRAP_SERVERS} (default {@code localhost:9092}) and every {@code KAFKA_*} setting. */
  public static KafkaSettings read(ConfigReader r) {
    String bootstrap = r.string("BOOTSTRAP_SERVERS", "localhost:9092");
    r.check(!bootstrap.isBlank(), "BOOTSTRAP_SERVERS", "must not be empty");
    Map<String, String> overrides = new TreeMap<>();
    r.prefixed("KAFKA_").forEach((name, value) -> overrides.put(propertyName(name), value));
    return new KafkaSettings(bootstrap, overrides);
  }

  /** {@code bootstrap.servers} then the overrides (which win, so {@code KAFKA_BOOTSTRAP_SERVERS} is honoured). */
  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.putAll(clientOverrides);
    return props;
  }

  /** {@code LINGER_MS} → {@code linger.ms}: Kafka property names are lower-case and dotted, never underscored. */
  static String propertyName(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  @Override
  public String toString() {
    Map<String, String> masked = new TreeMap<>();
    clientOverrides.forEach((k, v) -> masked.put(k, SecretNames.looksSecret(k) ? Secret.MASK : v));
    return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", clientOverrides=" + masked + "]";
  }
}
