package io.logpipe.events.occurrence;

import java.util.Objects;
import java.util.Optional;

/** What to do with an Event as seen now: emit the occurrences not yet emitted, or nothing and why. */
public record Decision(Outcome outcome, Optional<Occurrence> occurrence) {

  public enum Outcome {
    /** Occurrences not yet emitted: emit them. */
    EMIT,
    /** Every occurrence up to the Event's count is already on the topic (an update that is not a repeat). */
    ALREADY_EMITTED,
    /** The latest occurrence is older than the state can remember: emitting it could repeat it later. */
    TOO_OLD,
    /** Too old, and already reported as such in this session: counted once, not on every re-list. */
    ALREADY_SKIPPED
  }

  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == Outcome.EMIT) != occurrence.isPresent()) {
      throw new IllegalArgumentException(outcome + " with occurrence " + occurrence);
    }
  }

  static Decision emit(Occurrence occurrence) {
    return new Decision(Outcome.EMIT, Optional.of(occurrence));
  }

  static Decision skip(Outcome outcome) {
    return new Decision(outcome, Optional.empty());
  }
}
