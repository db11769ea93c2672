package io.logpipe.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthStateTest {

  @Test
  void startsAliveButNotReady() {
    HealthState health = new HealthState();
    assertThat(health.isAlive()).isTrue();
    assertThat(health.isReady()).isFalse();
    assertThat(health.reason()).isEqualTo("starting");
  }

  @Test
  void failureMakesItNeitherAliveNorReadyForGood() {
    HealthState health = new HealthState();
    health.markFailed("boom");
    health.markFailed("a consequence");
    health.markReady();
    assertThat(health.isAlive()).isFalse();
    assertThat(health.reason()).isEqualTo("boom");
    assertThat(health.liveness().reason()).isEqualTo("boom");
  }

  @Test
  void readinessCarriesItsReason() {
    Readiness readiness = new Readiness();
    readiness.markReady();
    assertThat(readiness.isReady()).isTrue();
    readiness.markNotReady("Kafka unreachable");
    assertThat(readiness.isReady()).isFalse();
    assertThat(readiness.reason()).isEqualTo("Kafka unreachable");
  }
}
