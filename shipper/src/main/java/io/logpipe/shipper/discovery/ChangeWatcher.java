package io.logpipe.shipper.discovery;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Filesystem events (inotify on Linux) that wake the reader as soon as a file appears or grows, so new files are
 * picked up within a second (issue 3); the periodic rescan stays as the safety net for lost events (overflow).
 * Only tells that something changed, not what: the reader then rescans and reads.
 */
public final class ChangeWatcher implements AutoCloseable {

  /** At most this many directories are watched, so inotify watches stay bounded; the rescan covers the rest. */
  private static final int MAX_WATCHED = 4096;

  private final WatchService service;
  private final Map<Path, WatchKey> watched = new HashMap<>();

  public ChangeWatcher(Path root) throws IOException {
    this.service = root.getFileSystem().newWatchService();
  }

  /** Watches a directory for created, deleted and modified entries (idempotent; failures only lose the fast path). */
  public void watch(Path directory) {
    WatchKey key = watched.get(directory);
    if ((key != null && key.isValid()) || watched.size() >= MAX_WATCHED) {
      return;
    }
    try {
      watched.put(directory, directory.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
    } catch (IOException | RuntimeException vanishedOrUnsupported) {
      watched.remove(directory);
    }
  }

  /** What the pending events said, at most: nothing, a file grew, or an entry appeared (a rescan is due). */
  public enum Change { NONE, MODIFIED, CREATED }

  /** Waits up to {@code timeout} for any event, then consumes every pending one. */
  public Change awaitChange(Duration timeout) throws InterruptedException {
    WatchKey key = service.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    Change change = Change.NONE;
    while (key != null) {
      for (WatchEvent<?> event : key.pollEvents()) {
        // OVERFLOW (events lost) is treated like a creation: rescan.
        Change seen = event.kind() == ENTRY_MODIFY ? Change.MODIFIED : Change.CREATED;
        change = seen.compareTo(change) > 0 ? seen : change;
      }
      if (!key.reset()) {
        watched.values().remove(key);
      }
      key = service.poll();
    }
    return change;
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
