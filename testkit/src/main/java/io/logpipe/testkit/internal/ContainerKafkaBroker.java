package io.logpipe.testkit.internal;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** Kafka in the official {@code apache/kafka} image via Testcontainers, for machines with a Docker engine. */
public final class ContainerKafkaBroker implements RunningBroker {

  /** The image matching the Kafka clients this build uses (the root pom's {@code kafka.version}). */
  public static final String IMAGE = "apache/kafka:4.3.1";

  private final KafkaContainer container;

  private ContainerKafkaBroker(KafkaContainer container) {
    this.container = container;
  }

  /** True when a Docker engine answers; Testcontainers caches the answer for the JVM. */
  public static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  public static ContainerKafkaBroker start() {
    @SuppressWarnings("resource") // closed by close(), or below when start fails
    KafkaContainer container = new KafkaContainer(IMAGE).withEnv(BrokerSettings.asDockerEnvironment());
    try {
      container.start();
      return new ContainerKafkaBroker(container);
    } catch (RuntimeException e) {
      container.close();
      throw new IllegalStateException("the Kafka container (" + IMAGE + ") did not start", e);
    }
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public String description() {
    return "Kafka container " + IMAGE + " at " + bootstrapServers();
  }

  @Override
  public void close() {
    container.close();
  }
}
