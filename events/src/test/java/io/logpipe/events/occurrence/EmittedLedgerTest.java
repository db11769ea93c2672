package io.logpipe.events.occurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.events.occurrence.Decision.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmittedLedgerTest {

  private static final Instant NOW = Instant.parse("2026-11-21T01:00:00Z");
  private static final Duration MAX_AGE = Duration.ofHours(12);

  private final EmittedLedger ledger = new EmittedLedger(Map.of("known", new EmittedState(3, "10")), MAX_AGE);

  @Test
  void emitsEveryOccurrenceOfAnEventSeenForTheFirstTime() {
    Decision d = ledger.decide("new", 4, "7", NOW, NOW);
    assertThat(d.outcome()).isEqualTo(Outcome.EMIT);
    assertThat(d.occurrence()).contains(new Occurrence("new", 1, 4, "7"));
  }

  @Test
  void emitsOnlyTheOccurrencesAfterTheLastOneEmitted() {
    Decision d = ledger.decide("known", 5, "12", NOW, NOW);
    assertThat(d.occurrence()).contains(new Occurrence("known", 4, 5, "12"));
    assertThat(d.occurrence().orElseThrow().count()).isEqualTo(2);
  }

  @Test
  void emitsNothingForAnUpdateThatIsNotARepeat() {
    assertThat(ledger.decide("known", 3, "11", NOW, NOW).outcome()).isEqualTo(Outcome.ALREADY_EMITTED);
    assertThat(ledger.decide("known", 2, "11", NOW, NOW).outcome()).isEqualTo(Outcome.ALREADY_EMITTED);
  }

  @Test
  void remembersWhatWasCommittedSoTheSameCountIsNotEmittedTwice() {
    Occurrence first = ledger.decide("e", 1, "1", NOW, NOW).occurrence().orElseThrow();
    ledger.emitted(first);
    assertThat(ledger.decide("e", 1, "1", NOW, NOW).outcome()).isEqualTo(Outcome.ALREADY_EMITTED);
    assertThat(ledger.decide("e", 2, "2", NOW, NOW).occurrence()).contains(new Occurrence("e", 2, 2, "2"));
    assertThat(ledger.lastEmitted("e")).isEqualTo(1);
  }

  @Test
  void aLateCommitOfAnOlderCountNeverMovesTheLedgerBack() {
    ledger.emitted(new Occurrence("known", 4, 6, "20"));
    ledger.emitted(new Occurrence("known", 4, 5, "19"));
    assertThat(ledger.lastEmitted("known")).isEqualTo(6);
  }

  @Test
  void skipsOccurrencesOlderThanTheStateCanRememberAndReportsThemOnce() {
    Instant old = NOW.minus(MAX_AGE).minusSeconds(1);
    assertThat(ledger.decide("old", 2, "1", old, NOW).outcome()).isEqualTo(Outcome.TOO_OLD);
    assertThat(ledger.decide("old", 2, "1", old, NOW).outcome()).isEqualTo(Outcome.ALREADY_SKIPPED);
    assertThat(ledger.decide("old", 3, "2", old, NOW).outcome()).isEqualTo(Outcome.TOO_OLD);
    assertThat(ledger.decide("edge", 1, "1", NOW.minus(MAX_AGE), NOW).outcome()).isEqualTo(Outcome.EMIT);
  }

  @Test
  void forgetsDeletedEventsAndSaysWhetherTheyHadState() {
    assertThat(ledger.forget("known")).isTrue();
    assertThat(ledger.forget("known")).isFalse();
    assertThat(ledger.lastEmitted("known")).isZero();
    assertThat(ledger.size()).isZero();
  }

  @Test
  void refusesImpossibleOccurrenceRanges() {
    assertThatThrownBy(() -> new Occurrence("e", 0, 1, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Occurrence("e", 3, 2, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmittedState(0, "")).isInstanceOf(IllegalArgumentException.class);
  }
}
