package io.logpipe.runtime.health;

import java.util.Objects;

/**
 * Whether the process still works ({@code /healthz}). Alive until {@link #markFailed(String)}, after which
 * Kubernetes restarts the pod; there is no way back, as a failed service does not heal itself. The first failure
 * is kept: it names the cause, later ones are consequences (an uncaught error, then the ERROR state).
 */
public final class Liveness {

  private volatile String failure;

  public synchronized void markFailed(String why) {
    Objects.requireNonNull(why, "why");
    if (failure == null) {
      failure = why;
    }
  }

  public boolean isAlive() {
    return failure == null;
  }

  /** Why the service failed ({@code "alive"} while it has not). */
  public String reason() {
    String f = failure;
    return f == null ? "alive" : f;
  }
}
