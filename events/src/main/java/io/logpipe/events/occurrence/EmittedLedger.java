package io.logpipe.events.occurrence;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The leader's memory of what is on the output topic: for each Event uid, the last occurrence number emitted. It is
 * loaded from the state topic (read_committed) when a leader session starts and updated only after a transaction
 * carrying both the output records and their state records committed, so it never runs ahead of Kafka.
 *
 * <p>"Each occurrence exactly once" (issue 9): an occurrence is (Event uid, occurrence number). An Event whose count
 * is above the remembered one has new occurrences; an Event seen for the first time has all of its occurrences new.
 * An occurrence older than {@code maxAge} is skipped, not emitted: the state topic forgets entries after its
 * retention, so emitting events that old could repeat them after a restart. Kubernetes itself keeps Events for an
 * hour by default ({@code kube-apiserver --event-ttl}), far below the default retention.
 *
 * <p>Bounded by the Events the API server holds plus those deleted within the state retention; entries of deleted
 * Events are {@link #forget forgotten}. Not thread-safe: one leader loop owns it.
 */
public final class EmittedLedger {

  private final Map<String, EmittedState> emitted;
  private final Duration maxAge;
  /** Counts already reported as too old, so a re-list does not count the same skip twice. */
  private final Map<String, Long> skipped = new HashMap<>();

  public EmittedLedger(Map<String, EmittedState> emitted, Duration maxAge) {
    this.emitted = new HashMap<>(emitted);
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
  }

  /**
   * Decides for an Event with uid {@code uid} whose occurrence count is now {@code count} and whose latest
   * occurrence happened at {@code occurredAt}.
   */
  public Decision decide(String uid, long count, String resourceVersion, Instant occurredAt, Instant now) {
    long last = lastEmitted(uid);
    if (count <= last) {
      return Decision.skip(Decision.Outcome.ALREADY_EMITTED);
    }
    if (occurredAt.isBefore(now.minus(maxAge))) {
      Long reported = skipped.put(uid, count);
      return reported != null && reported >= count
          ? Decision.skip(Decision.Outcome.ALREADY_SKIPPED)
          : Decision.skip(Decision.Outcome.TOO_OLD);
    }
    return Decision.emit(new Occurrence(uid, last + 1, count, resourceVersion));
  }

  /** Records that {@code occurrence} is committed on the output topic. */
  public void emitted(Occurrence occurrence) {
    emitted.merge(occurrence.eventUid(), EmittedState.after(occurrence),
        (old, now) -> now.count() >= old.count() ? now : old);
    skipped.remove(occurrence.eventUid());
  }

  /** The last occurrence number emitted for {@code uid}, 0 when none. */
  public long lastEmitted(String uid) {
    EmittedState state = emitted.get(uid);
    return state == null ? 0 : state.count();
  }

  /** Forgets a deleted Event; true when it was remembered (then its state record should be tombstoned). */
  public boolean forget(String uid) {
    skipped.remove(uid);
    return emitted.remove(uid) != null;
  }

  /** The uids remembered. */
  public Set<String> uids() {
    return new HashSet<>(emitted.keySet());
  }

  public int size() {
    return emitted.size();
  }
}
