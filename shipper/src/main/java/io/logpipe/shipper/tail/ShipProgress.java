package io.logpipe.shipper.tail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far behind the shipper is, per file: size seen by the reader minus position committed by the producer (issue 3,
 * "Observability": bytes behind). Thread-safe: written by the reader and the producer, read by metrics and by
 * {@code awaitDrained}.
 */
public final class ShipProgress {

  private static final class Entry {
    volatile long size;
    volatile long committed;
  }

  private final Map<FileId, Entry> files = new ConcurrentHashMap<>();
  private final AtomicLong scans = new AtomicLong();

  /** The reader follows a file whose committed position is {@code committed}. */
  public void track(FileId id, long committed) {
    files.computeIfAbsent(id, k -> new Entry()).committed = committed;
  }

  /** The reader saw the file at this size. */
  public void sized(FileId id, long size) {
    Entry e = files.get(id);
    if (e != null) {
      e.size = size;
    }
  }

  /** The producer committed the file up to {@code position}. */
  public void committed(FileId id, long position) {
    Entry e = files.get(id);
    if (e != null) {
      e.committed = position;
    }
  }

  public void forget(FileId id) {
    files.remove(id);
  }

  public void clear() {
    files.clear();
  }

  /** A discovery scan finished (the drain check needs one that started after it was asked). */
  public void scanned() {
    scans.incrementAndGet();
  }

  public long scans() {
    return scans.get();
  }

  public int filesTracked() {
    return files.size();
  }

  public long bytesBehind() {
    long behind = 0;
    for (Entry e : files.values()) {
      behind += Math.max(0, e.size - e.committed);
    }
    return behind;
  }
}
