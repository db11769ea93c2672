package io.logpipe.shipper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShipperConfigTest {

  private static ShipperConfig read(Map<String, String> flags, Map<String, String> env) {
    ConfigReader r = ConfigReader.of("SHIPPER", flags, env, Optional.empty());
    ShipperConfig config = ShipperConfig.read(r);
    r.done();
    return config;
  }

  @Test
  void takesTheIssueDefaults() {
    ShipperConfig c = read(Map.of(), Map.of("NODE_NAME", "node-a"));
    assertThat(c.logRoot()).isEqualTo(Path.of("/var/log/pods"));
    assertThat(c.nodeName()).isEqualTo("node-a");
    assertThat(c.mode()).isEqualTo(ShipperConfig.Mode.EXACTLY_ONCE);
    assertThat(c.excludeNamespaces()).containsExactly("kube-system");
    assertThat(c.tail().maxLineBytes()).isEqualTo(1 << 20);
    assertThat(c.compression()).isEqualTo(ShipperConfig.Compression.LZ4);
    assertThat(c.transactionalId()).isEqualTo("logpipe-shipper-node-a");
  }

  @Test
  void prefixesTheTransactionalIdSoTwoReleasesOnOneKafkaDoNotFenceEachOther() {
    ShipperConfig prod = read(Map.of(), Map.of("NODE_NAME", "node-a", "SHIPPER_TRANSACTIONAL_ID_PREFIX", "prod"));
    ShipperConfig staging = read(Map.of(), Map.of("NODE_NAME", "node-a", "SHIPPER_TRANSACTIONAL_ID_PREFIX", "stg"));
    assertThat(prod.transactionalId()).isEqualTo("prod-shipper-node-a");
    assertThat(staging.transactionalId()).isEqualTo("stg-shipper-node-a");
    assertThatThrownBy(() -> read(Map.of(), Map.of("NODE_NAME", "n", "SHIPPER_TRANSACTIONAL_ID_PREFIX", "a b")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("SHIPPER_TRANSACTIONAL_ID_PREFIX");
  }

  @Test
  void letsFlagsWinOverTheEnvironment() {
    ShipperConfig c = read(Map.of("NODE_NAME", "from-flag", "MODE", "at-least-once", "LOG_ROOT", "/logs"),
        Map.of("SHIPPER_NODE_NAME", "from-env", "SHIPPER_MODE", "exactly-once", "SHIPPER_COMPRESSION", "zstd"));
    assertThat(c.nodeName()).isEqualTo("from-flag");
    assertThat(c.mode()).isEqualTo(ShipperConfig.Mode.AT_LEAST_ONCE);
    assertThat(c.logRoot()).isEqualTo(Path.of("/logs"));
    assertThat(c.compression()).isEqualTo(ShipperConfig.Compression.ZSTD);
  }

  @Test
  void anEmptyNamespaceListExcludesNothing() {
    ShipperConfig c = read(Map.of("EXCLUDE_NAMESPACES", ""), Map.of("NODE_NAME", "n"));
    assertThat(c.excludeNamespaces()).isEmpty();
    assertThat(read(Map.of("EXCLUDE_NAMESPACES", "a, b"), Map.of("NODE_NAME", "n")).excludeNamespaces())
        .isEqualTo(Set.of("a", "b"));
  }

  @Test
  void passesKafkaClientOverridesThrough() {
    ShipperConfig c = read(Map.of(), Map.of("NODE_NAME", "n", "SHIPPER_KAFKA_LINGER_MS", "50"));
    assertThat(c.kafka().clientOverrides()).containsEntry("linger.ms", "50");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> read(Map.of("MODE", "sometimes", "MAX_LINE_BYTES", "huge"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SHIPPER_NODE_NAME")
        .hasMessageContaining("SHIPPER_MODE")
        .hasMessageContaining("SHIPPER_MAX_LINE_BYTES");
  }
}
