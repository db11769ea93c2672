package io.logpipe.testkit;

import io.logpipe.testkit.internal.Brokers;
import io.logpipe.testkit.internal.RunningBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's one broker, kept in JUnit's root store: JUnit closes stored {@link AutoCloseable} values when the whole
 * test run ends, so the broker stops by itself after the last test class that used it.
 */
final class SharedBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SharedBroker.class);

  private final RunningBroker server;
  private final KafkaBroker broker;

  private SharedBroker(RunningBroker server) {
    this.server = server;
    this.broker = new KafkaBroker(server.bootstrapServers());
  }

  static SharedBroker start() {
    BrokerKind kind = BrokerKind.fromSystemProperties();
    // java.io.tmpdir is target/tmp under Surefire and Failsafe (root pom), so data and logs stay in target/.
    Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "logpipe-kafka");
    Instant begin = Instant.now();
    RunningBroker server = Brokers.start(kind, dataDir);
    LOG.info("started {} ({}) in {} ms", server.description(), kind,
        Duration.between(begin, Instant.now()).toMillis());
    return new SharedBroker(server);
  }

  KafkaBroker broker() {
    return broker;
  }

  @Override
  public void close() {
    try {
      broker.closeClients();
    } finally {
      server.close();
      LOG.info("stopped {}", server.description());
    }
  }
}
