package io.logpipe.runtime.health;

/**
 * The health of one service: its {@link Readiness} and {@link Liveness}, with shortcuts. Runners write it, the
 * {@link HealthServer} reads it; neither ever blocks.
 */
public final class HealthState {

  private final Readiness readiness = new Readiness();
  private final Liveness liveness = new Liveness();

  public Readiness readiness() {
    return readiness;
  }

  public Liveness liveness() {
    return liveness;
  }

  public void markReady() {
    readiness.markReady();
  }

  public void markNotReady(String why) {
    readiness.markNotReady(why);
  }

  /** Failed: not alive and not ready, both for the same reason. */
  public void markFailed(String why) {
    liveness.markFailed(why);
    readiness.markNotReady(why);
  }

  public boolean isReady() {
    return readiness.isReady();
  }

  public boolean isAlive() {
    return liveness.isAlive();
  }

  /** The readiness reason, or the failure when failed. */
  public String reason() {
    return liveness.isAlive() ? readiness.reason() : liveness.reason();
  }

  @Override
  public String toString() {
    return "HealthState[alive=" + isAlive() + ", ready=" + isReady() + ", reason=" + reason() + "]";
  }
}
