package io.logpipe.sinks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private final RetryBackoff backoff =
      new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(30), new SplittableRandom(1));

  @ParameterizedTest(name = "attempt {0} waits {1}..{2} ms")
  @CsvSource({"0, 100, 200", "1, 200, 400", "4, 1600, 3200", "8, 15000, 30000", "60, 15000, 30000"})
  void doublesWithJitterUpToTheCap(int attempt, long min, long max) {
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.delay(attempt).toMillis()).isBetween(min, max);
    }
  }

  @Test
  void spreadsRetriesOut() {
    assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(3)).distinct().count())
        .isGreaterThan(10);
  }

  @Test
  void refusesACapBelowTheFirstDelay() {
    assertThatThrownBy(() -> RetryBackoff.of(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
