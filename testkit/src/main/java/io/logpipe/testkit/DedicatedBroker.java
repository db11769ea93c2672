package io.logpipe.testkit;

import io.logpipe.testkit.internal.InProcessKraftBroker;
import java.nio.file.Path;

/**
 * A broker of one test's own, which the test may stop and start again to show behaviour while Kafka is away (the
 * shared broker of {@link KafkaTest} must never stop). Always in-process, whatever {@link BrokerKind} says: only
 * there can a test stop the broker and have it back at the same address with the same data. Starts in about a
 * second when the JVM already runs a broker; close it (try-with-resources, {@code @AfterEach}).
 */
public final class DedicatedBroker implements AutoCloseable {

  private final InProcessKraftBroker server;
  private final KafkaBroker broker;

  private DedicatedBroker(InProcessKraftBroker server) {
    this.server = server;
    this.broker = new KafkaBroker(server.bootstrapServers());
  }

  /** Starts a fresh single-node broker, data under java.io.tmpdir (target/tmp), deleted on close. */
  public static DedicatedBroker start() {
    return new DedicatedBroker(
        InProcessKraftBroker.start(Path.of(System.getProperty("java.io.tmpdir"), "logpipe-kafka-dedicated")));
  }

  /** The same helpers as the shared broker (topics, clients, committed reads), bound to this one. */
  public KafkaBroker broker() {
    return broker;
  }

  public String bootstrapServers() {
    return server.bootstrapServers();
  }

  /** Kafka goes away: the broker stops (its controller and data stay), clients time out until {@link #restart()}. */
  public void stop() {
    server.stopBroker();
  }

  /**
   * Kafka is back at the same address with everything it had committed. Leadership returns once the controller has
   * waited out the stopped broker's session ({@code broker.session.timeout.ms}, 9 s after {@link #stop()}).
   */
  public void restart() {
    server.startBroker();
  }

  @Override
  public void close() {
    try {
      broker.closeClients();
    } finally {
      server.close();
    }
  }
}
