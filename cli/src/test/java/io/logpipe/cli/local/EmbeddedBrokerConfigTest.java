package io.logpipe.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedBrokerConfigTest {

  private static final Path LOGS = Path.of("target", "tmp", "kafka");

  @Test
  void listensOnLoopbackOnlyOnTheGivenPortWithAFreeControllerPort() {
    var config = EmbeddedBrokerConfig.of(LOGS, 19092);
    var properties = config.properties();

    assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(config.controllerPort()).isPositive().isNotEqualTo(19092);
    assertThat(properties.getProperty("listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:" + config.controllerPort());
    assertThat(properties.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
    assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:" + config.controllerPort());
  }

  @Test
  void portZeroPicksAFreePort() {
    assertThat(EmbeddedBrokerConfig.of(LOGS, 0).brokerPort()).isBetween(1, 65_535);
  }

  @Test
  void hostsTheTransactionAndOffsetTopicsOnItsOneNode() {
    var properties = EmbeddedBrokerConfig.of(LOGS, 0).properties();

    assertThat(properties)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("log.dirs", LOGS.toAbsolutePath().toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 65_536})
  void rejectsPortsOutsideTheTcpRange(int port) {
    assertThatThrownBy(() -> EmbeddedBrokerConfig.of(LOGS, port))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
  }
}
