package io.logpipe.runtime.service;

/**
 * Where a runner learns that it must stop. In production that is the JVM's shutdown hook (SIGTERM from the
 * kubelet); tests pass their own and fire it, so no test has to kill a JVM.
 */
@FunctionalInterface
public interface ShutdownSignal {

  /** Runs {@code action} once when shutdown is requested; the caller waits for it to return. */
  void onShutdown(Runnable action);

  /** The JVM's shutdown hooks: SIGTERM, SIGINT, or {@code System.exit}. */
  static ShutdownSignal jvm() {
    return action -> Runtime.getRuntime().addShutdownHook(new Thread(action, "shutdown"));
  }
}
