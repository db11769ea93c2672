package io.logpipe.cli.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (combined KRaft broker and controller) inside this process, for {@code logpipe local} and
 * {@code demo}: Kafka's published server classes, storage formatted by Kafka's own storage tool, loopback only,
 * transactions and exactly-once working. Its data directory survives a restart: what was committed stays.
 */
public final class EmbeddedBroker implements AutoCloseable {

  /** How long {@link #close()} waits for a clean shutdown (the controller's snapshot, the log flush). */
  static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  /** Start attempts when a chosen free port is taken by someone else in the meantime. */
  private static final int BIND_ATTEMPTS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

  private final KafkaRaftServer server;
  private final EmbeddedBrokerConfig config;
  private boolean closed;

  private EmbeddedBroker(KafkaRaftServer server, EmbeddedBrokerConfig config) {
    this.server = server;
    this.config = config;
  }

  /**
   * Starts a broker on 127.0.0.1:{@code port} ({@code 0}: any free port) with its data in {@code dataDir}, formatting
   * the storage on first use. Returns once the broker serves clients.
   */
  public static EmbeddedBroker start(Path dataDir, int port) {
    long begin = System.nanoTime();
    Path logDir = dataDir.resolve("kafka");
    for (int attempt = 1; ; attempt++) {
      EmbeddedBrokerConfig config = EmbeddedBrokerConfig.of(logDir, port);
      Path propertiesFile = writeProperties(dataDir, config);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(propertiesFile);
      }
      var server = new KafkaRaftServer(KafkaConfig.fromProps(config.properties(), false), Time.SYSTEM);
      try {
        server.startup();
        LOG.info("embedded Kafka broker listening on {} after {} ms, data in {}", config.bootstrapServers(),
            Duration.ofNanos(System.nanoTime() - begin).toMillis(), logDir);
        return new EmbeddedBroker(server, config);
      } catch (RuntimeException e) {
        server.shutdown();
        // A port found free was taken before the server bound it: pick others, a bounded number of times.
        if (attempt < BIND_ATTEMPTS && isBindFailure(e)) {
          LOG.warn("embedded Kafka broker could not bind {} (attempt {}), retrying", config, attempt);
          continue;
        }
        throw new IllegalStateException("the embedded Kafka broker did not start on " + config.bootstrapServers(), e);
      }
    }
  }

  /** {@code 127.0.0.1:port} of the broker's PLAINTEXT listener. */
  public String bootstrapServers() {
    return config.bootstrapServers();
  }

  /** Stops the broker cleanly, waiting at most {@link #SHUTDOWN_TIMEOUT}; calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Thread stopper = new Thread(() -> {
      server.shutdown();
      server.awaitShutdown();
    }, "embedded-kafka-shutdown");
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(SHUTDOWN_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopper.isAlive()) {
      LOG.warn("embedded Kafka broker did not stop within {}; leaving its threads to the JVM exit", SHUTDOWN_TIMEOUT);
    } else {
      LOG.info("embedded Kafka broker on {} stopped", config.bootstrapServers());
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  /** The config used is kept beside the data, so a user can inspect it or start a stand-alone Kafka on it. */
  private static Path writeProperties(Path dataDir, EmbeddedBrokerConfig config) {
    Path file = dataDir.resolve("server.properties");
    try {
      Files.createDirectories(config.logDir());
      try (OutputStream out = Files.newOutputStream(file)) {
        config.properties().store(out, "logpipe embedded broker (rewritten on every start)");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * {@code kafka-storage format} of a fresh directory: a new cluster id and the latest production metadata version.
   * A formatted directory is never formatted again: its meta.properties holds the cluster id the data belongs to.
   */
  private static void format(Path propertiesFile) {
    var output = new ByteArrayOutputStream();
    int status;
    try (var print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      status = StorageTool.execute(new String[] {"format", "--config", propertiesFile.toString(),
          "--cluster-id", Uuid.randomUuid().toString()}, print);
    }
    String said = output.toString(StandardCharsets.UTF_8).strip();
    if (status != 0) {
      throw new IllegalStateException("formatting the embedded broker's storage failed: " + said);
    }
    LOG.debug("kafka-storage format: {}", said);
  }
}
