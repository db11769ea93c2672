package io.logpipe.cli.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Decides when a running pipeline has delivered everything it was given: the source reports nothing left to read,
 * and every consumer group has zero lag, continuously for a quiet period. The quiet period must outlast the
 * multiline flush timeout and the commit interval, because an event held open by the multiline stage shows no lag
 * until its punctuator emits it.
 */
public final class DrainWatcher {

  /** A consumer group reading a topic whose lag must reach zero. */
  public record Reader(String group, String topic) {}

  private final BooleanSupplier sourceDone;
  private final ConsumerLag lag;
  private final List<Reader> readers;
  private final Duration quiet;
  private final Supplier<Instant> clock;
  private volatile String lastSeen = "not polled yet";

  DrainWatcher(BooleanSupplier sourceDone, ConsumerLag lag, List<Reader> readers, Duration quiet,
      Supplier<Instant> clock) {
    this.sourceDone = sourceDone;
    this.lag = lag;
    this.readers = List.copyOf(readers);
    this.quiet = quiet;
    this.clock = clock;
  }

  /** Polls until drained or the deadline passes; returns whether it drained. */
  public boolean awaitDrained(Duration timeout, Duration pollEvery) throws InterruptedException {
    Instant deadline = clock.get().plus(timeout);
    Instant idleSince = null;
    while (clock.get().isBefore(deadline)) {
      if (idleNow()) {
        idleSince = idleSince == null ? clock.get() : idleSince;
        if (!clock.get().isBefore(idleSince.plus(quiet))) {
          return true;
        }
      } else {
        idleSince = null;
      }
      Thread.sleep(pollEvery.toMillis());
    }
    return false;
  }

  private boolean idleNow() {
    StringBuilder seen = new StringBuilder("source ").append(sourceDone.getAsBoolean() ? "done" : "still reading");
    boolean idle = sourceDone.getAsBoolean();
    for (Reader r : readers) {
      long behind = lag.of(r.group(), r.topic());
      seen.append("; ").append(r.group()).append(" lag ").append(behind).append(" on ").append(r.topic());
      idle &= behind == 0;
    }
    lastSeen = seen.toString();
    return idle;
  }

  /** What the last poll saw, for a message when draining times out. */
  public String lastSeen() {
    return lastSeen;
  }
}
