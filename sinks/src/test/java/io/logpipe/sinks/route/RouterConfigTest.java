package io.logpipe.sinks.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.sinks.SinkName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterConfigTest {

  private static RouterConfig read(Map<String, String> env) {
    return RouterConfig.read(ConfigReader.of(RouterConfig.PREFIX, env, Optional.empty()));
  }

  @Test
  void routesEverythingToEveryBackendByDefault() {
    RouterConfig config = read(Map.of());

    assertThat(config.routing().rules()).isEmpty();
    assertThat(config.routing().defaultSinks()).containsExactlyInAnyOrder(SinkName.values());
    assertThat(config.stage().applicationId()).isEqualTo("logpipe-router");
  }

  @Test
  void takesTheDefaultRouteAndRulesFromTheEnvironment() {
    RouterConfig config = read(Map.of(
        "ROUTER_DEFAULT_SINKS", "s3",
        "ROUTER_RULE_ERRORS_SEVERITY", ">=ERROR",
        "ROUTER_RULE_ERRORS_SINKS", "loki,opensearch"));

    assertThat(config.routing().defaultSinks()).containsExactly(SinkName.S3);
    assertThat(config.describeRouting()).isEqualTo("errors: severity>=ERROR -> [loki, opensearch]\ndefault -> [s3]");
  }

  @Test
  void readsRulesFromYaml(@TempDir Path dir) throws Exception {
    Path yaml = Files.writeString(dir.resolve("router.yaml"), """
        default-sinks: [s3]
        rule:
          payments:
            namespace: payments-*
            message: "card (declined|expired)"
            sinks: [opensearch]
        """);
    RouterConfig config = RouterConfig.read(ConfigReader.of(RouterConfig.PREFIX, Map.of(), Optional.of(yaml)));

    assertThat(config.describeRouting())
        .isEqualTo("payments: namespace=payments-* message~card (declined|expired) -> [opensearch]\ndefault -> [s3]");
  }

  @Test
  void rejectsEveryBadRuleAtStartInOneError() {
    assertThatThrownBy(() -> read(Map.of(
        "ROUTER_DEFAULT_SINKS", "s4",
        "ROUTER_RULE_X_SEVERITY", "LOUD",
        "ROUTER_RULE_X_SINKS", "loki")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ROUTER_DEFAULT_SINKS: unknown sink 's4'")
        .hasMessageContaining("ROUTER_RULE_X_SEVERITY: unknown severity 'LOUD'");
  }

  @Test
  void refusesAConfigurationThatRoutesNothing() {
    assertThatThrownBy(() -> read(Map.of("ROUTER_DEFAULT_SINKS", "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ROUTER_DEFAULT_SINKS: is empty and no rule is configured");
  }
}
