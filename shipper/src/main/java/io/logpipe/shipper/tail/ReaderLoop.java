package io.logpipe.shipper.tail;

import io.logpipe.shipper.discovery.ChangeWatcher;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The reader thread's loop: scan when something appeared (filesystem events) or the rescan interval passed, read a
 * pass, and when there was nothing to read wait for the next event (at most {@code pollInterval}). Slices go to the
 * bounded queue; while it is full the loop waits, which is how a slow or absent Kafka stops the reading.
 */
public final class ReaderLoop implements Runnable {

  private static final Duration OFFER_WAIT = Duration.ofMillis(100);

  private final Tailer tailer;
  private final ChangeWatcher watcher;
  private final SliceQueue queue;
  private final Clock clock;
  private final Duration rescanInterval;
  private final Duration pollInterval;
  private volatile boolean running = true;
  private volatile Throwable failure;

  public ReaderLoop(Tailer tailer, ChangeWatcher watcher, SliceQueue queue, Clock clock, Duration rescanInterval,
      Duration pollInterval) {
    this.tailer = tailer;
    this.watcher = watcher;
    this.queue = queue;
    this.clock = clock;
    this.rescanInterval = rescanInterval;
    this.pollInterval = pollInterval;
    queue.recycleInto(tailer.readBuffers()); // the delivery thread hands the read arrays back as it drains
  }

  @Override
  public void run() {
    Instant lastScan = Instant.MIN;
    Instant lastFirstBytesRetry = Instant.MIN;
    try {
      while (running) {
        Instant now = clock.instant();
        if (lastScan.equals(Instant.MIN) || Duration.between(lastScan, now).compareTo(rescanInterval) >= 0) {
          tailer.wantRescan();
          lastScan = now;
        }
        tailer.rescanIfWanted(watcher::watch, this::offer);
        long read = tailer.pass(this::offer);
        ChangeWatcher.Change change = watcher.awaitChange(read > 0 ? Duration.ZERO : pollInterval);
        if (change == ChangeWatcher.Change.CREATED) {
          tailer.wantRescan(); // a new file or directory: pick it up at once; growth needs only the next pass
        } else if (change == ChangeWatcher.Change.MODIFIED && tailer.awaitsFirstBytes()) {
          // An empty file the last scan could not follow may have got its first lines, which would otherwise wait
          // for the rescan interval (5 s). Retried at most once per poll interval: a file may stay empty for good
          // (a container that never logs) while others grow.
          Instant at = clock.instant();
          if (lastFirstBytesRetry.equals(Instant.MIN)
              || Duration.between(lastFirstBytesRetry, at).compareTo(pollInterval) >= 0) {
            tailer.followFirstWrites();
            lastFirstBytesRetry = at;
          }
        }
      }
    } catch (InterruptedException | StoppedException stop) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException | Error e) {
      // Recorded, never lost with the thread: the shipper fails on it (an OutOfMemoryError included).
      failure = e;
    }
  }

  private void offer(FileSlice slice) throws InterruptedException {
    while (!queue.offer(slice, OFFER_WAIT)) {
      if (!running) {
        throw new StoppedException();
      }
    }
  }

  /** Asks the loop to stop; the caller then joins the thread. */
  public void stop() {
    running = false;
  }

  /** Why the loop ended on its own, if it did (an I/O error other than a vanished file, or an Error). */
  public Throwable failure() {
    return failure;
  }

  private static final class StoppedException extends RuntimeException {
    StoppedException() {
      super("reader stopped", null, false, false);
    }
  }
}
