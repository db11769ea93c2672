package io.logpipe.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.testkit.internal.Brokers;
import io.logpipe.testkit.internal.ContainerKafkaBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;

/** Choosing the container explicitly must fail loudly, never fall back, where no Docker engine answers. */
class ContainerChoiceIT {

  static boolean dockerAvailable() {
    return ContainerKafkaBroker.dockerAvailable();
  }

  @Test
  @DisabledIf("dockerAvailable")
  void choosingTheContainerWithoutDockerFailsInsteadOfFallingBack() {
    assertThatThrownBy(() -> Brokers.start(BrokerKind.CONTAINER, Path.of(System.getProperty("java.io.tmpdir"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ContainerKafkaBroker.IMAGE);
  }
}
