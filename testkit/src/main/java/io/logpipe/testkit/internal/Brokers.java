package io.logpipe.testkit.internal;

import io.logpipe.testkit.BrokerKind;
import java.nio.file.Path;

/** Starts the broker a {@link BrokerKind} asks for. */
public final class Brokers {

  public static RunningBroker start(BrokerKind kind, Path dataDir) {
    return switch (kind) {
      case CONTAINER -> ContainerKafkaBroker.start();
      case INPROCESS -> InProcessKraftBroker.start(dataDir);
      // Testcontainers answers "no Docker" in well under a second here (then caches it), so AUTO costs little.
      case AUTO -> ContainerKafkaBroker.dockerAvailable()
          ? ContainerKafkaBroker.start()
          : InProcessKraftBroker.start(dataDir);
    };
  }

  private Brokers() {}
}
