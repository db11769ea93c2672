package io.logpipe.testkit.internal;

/** A started broker, whatever runs it. Closing it stops the broker and removes its data. */
public interface RunningBroker extends AutoCloseable {

  /** {@code host:port} of a PLAINTEXT listener on the loopback interface. */
  String bootstrapServers();

  /** A short description for logs and failure messages, e.g. {@code in-process KRaft 4.3.1}. */
  String description();

  @Override
  void close();
}
