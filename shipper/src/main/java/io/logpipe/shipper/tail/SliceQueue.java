package io.logpipe.shipper.tail;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue from the reader to the producer, bounded in bytes (issue 3, "Fairness and bounds"). When the
 * producer is slow or Kafka is away, {@link #offer} blocks, the reader stops, and the files are the buffer: nothing is
 * dropped. One slice larger than the whole capacity is still admitted into an empty queue, so no file can wedge.
 *
 * <p>Once {@link #recycleInto linked} to the reader's {@link ReadBuffers}, {@link #drain} gives the arrays of the
 * slices it returned the time before back to the reader: the caller must be done with a drained slice's
 * {@code data()} when it drains again (the shipper is: the delivery copies every line into its record before it
 * drains the next slices, and keeps only {@link FileSlice#withoutLines}).
 */
public final class SliceQueue {

  private final long capacityBytes;
  private final ArrayDeque<FileSlice> slices = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private long usedBytes;
  private ReadBuffers recycleInto;
  /** What the last drain returned: its arrays go back to the reader at the next drain. */
  private List<FileSlice> drainedBefore = List.of();

  public SliceQueue(long capacityBytes) {
    if (capacityBytes < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacityBytes);
    }
    this.capacityBytes = capacityBytes;
  }

  /** Adds a slice, waiting up to {@code timeout} for room; false if there was none. */
  public boolean offer(FileSlice slice, Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lockInterruptibly();
    try {
      while (!slices.isEmpty() && usedBytes + slice.byteSize() > capacityBytes) {
        if (nanos <= 0) {
          return false;
        }
        nanos = notFull.awaitNanos(nanos);
      }
      slices.addLast(slice);
      usedBytes += slice.byteSize();
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code timeout} for a first slice, then takes it and whatever else is queued, up to about
   * {@code maxBytes} in all (at least one slice). Empty if nothing came.
   */
  public List<FileSlice> drain(long maxBytes, Duration timeout) throws InterruptedException {
    List<FileSlice> taken = new ArrayList<>();
    lock.lockInterruptibly();
    try {
      if (recycleInto != null) {
        drainedBefore.forEach(slice -> recycleInto.give(slice.data()));
      }
      drainedBefore = taken;
      if (slices.isEmpty() && !notEmpty.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && slices.isEmpty()) {
        return taken;
      }
      long bytes = 0;
      while (!slices.isEmpty() && (taken.isEmpty() || bytes + slices.peekFirst().byteSize() <= maxBytes)) {
        FileSlice slice = slices.pollFirst();
        bytes += slice.byteSize();
        usedBytes -= slice.byteSize();
        taken.add(slice);
      }
      notFull.signalAll();
      return taken;
    } finally {
      lock.unlock();
    }
  }

  /**
   * From now on, the arrays of drained slices go back to {@code buffers} at the next drain (the reader thread's
   * {@link Tailer#readBuffers}).
   */
  public void recycleInto(ReadBuffers buffers) {
    lock.lock();
    try {
      recycleInto = buffers;
      drainedBefore = List.of();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Drops everything queued: used when a failed delivery rewinds the reader to the committed positions. What was
   * drained before is not recycled: a failed delivery may have left it anywhere.
   */
  public void clear() {
    lock.lock();
    try {
      drainedBefore = List.of();
      slices.clear();
      usedBytes = 0;
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public boolean isEmpty() {
    lock.lock();
    try {
      return slices.isEmpty();
    } finally {
      lock.unlock();
    }
  }
}
