package io.logpipe.runtime.health;

import java.util.Objects;

/**
 * Whether the process still works ({@code /healthz}). Alive until {@link #markFailed(String)}, after which
 * Kubernetes restarts the pod; there is no way back, as a failed service does not heal itself.
 */
public final class Liveness {

  private volatile String failure;

  public void markFailed(String why) {
    failure = Objects.requireNonNull(why, "why");
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
