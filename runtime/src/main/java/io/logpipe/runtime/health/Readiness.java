package io.logpipe.runtime.health;

import java.util.Objects;

/**
 * Whether the service should receive work ({@code /readyz}). One volatile field: reading it never blocks, so a
 * probe answers even when the service is stuck (see DESIGN.md, "Health reflects state and never blocks").
 */
public final class Readiness {

  private record State(boolean ready, String reason) {}

  private volatile State state = new State(false, "starting");

  public void markReady() {
    state = new State(true, "ready");
  }

  public void markNotReady(String why) {
    state = new State(false, Objects.requireNonNull(why, "why"));
  }

  public boolean isReady() {
    return state.ready();
  }

  /** Why the service is not ready ({@code "ready"} when it is). */
  public String reason() {
    return state.reason();
  }
}
