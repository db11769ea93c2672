package io.logpipe.sinks.loki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CardinalityGuardTest {

  @Test
  void admitsUpToTheBoundPerLabelThenFoldsUntilTheWindowRestarts() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    CardinalityGuard guard = new CardinalityGuard(2, Duration.ofMinutes(10), now::get);

    assertThat(guard.admit("pod", "a")).isEqualTo("a");
    assertThat(guard.admit("pod", "b")).isEqualTo("b");
    assertThat(guard.admit("pod", "a")).isEqualTo("a");
    assertThat(guard.admit("pod", "c")).isEqualTo(CardinalityGuard.OVERFLOW);
    assertThat(guard.admit("app", "c")).isEqualTo("c");
    now.set(now.get().plus(Duration.ofMinutes(10)));
    assertThat(guard.admit("pod", "c")).isEqualTo("c");
    assertThat(guard.folded()).isEqualTo(1);
  }
}
