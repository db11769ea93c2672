package io.logpipe.testkit;

import java.util.Locale;

/**
 * Which broker backs {@link KafkaTest}, chosen by the system property {@value #PROPERTY}
 * ({@code container | inprocess | auto}, default {@code auto}).
 */
public enum BrokerKind {
  /** Testcontainers' {@code apache/kafka} image; fails if no Docker engine answers. */
  CONTAINER,
  /** A single-node KRaft broker inside the test JVM, from Kafka's own test kit. */
  INPROCESS,
  /** The container when a Docker engine answers, else in-process. */
  AUTO;

  public static final String PROPERTY = "logpipe.testkit.broker";

  /** Reads {@value #PROPERTY}; an unknown value is an error rather than a silent fallback. */
  public static BrokerKind fromSystemProperties() {
    return parse(System.getProperty(PROPERTY, "auto"));
  }

  static BrokerKind parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "container" -> CONTAINER;
      case "inprocess", "in-process" -> INPROCESS;
      case "auto", "" -> AUTO;
      default -> throw new IllegalArgumentException(
          PROPERTY + "=" + value + " is not one of container, inprocess, auto");
    };
  }
}
