package io.logpipe.events.collector;

import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.logpipe.events.convert.EventConverter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the informer reported and the leader loop has not handled yet: the store keys ({@code namespace/name}) of
 * Events added or updated, and the final state of Events deleted. Handlers run on the informer's thread and only
 * record; the loop reads the latest object from the informer's store when it gets to a key, so ten updates of one
 * Event in a burst become one look.
 *
 * <p>Bounded by the informer's own cache: at most one entry per Event the API server holds, plus deletions not yet
 * handled. A deleted Event is handled from its final state, so occurrences counted just before the deletion are
 * still emitted before its state is forgotten.
 */
final class PendingEvents implements ResourceEventHandler<Event> {

  /** One drained batch: keys to look up, deleted Events, uids of Events deleted while nobody watched. */
  record Batch(List<String> keys, List<Event> deleted, List<String> gone) {
    boolean isEmpty() {
      return keys.isEmpty() && deleted.isEmpty() && gone.isEmpty();
    }

    int size() {
      return keys.size() + deleted.size() + gone.size();
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Set<String> keys = new LinkedHashSet<>();
  private final Map<String, Event> deleted = new LinkedHashMap<>();
  private final Set<String> gone = new LinkedHashSet<>();

  @Override
  public void onAdd(Event event) {
    touch(event);
  }

  @Override
  public void onUpdate(Event oldEvent, Event newEvent) {
    touch(newEvent);
  }

  @Override
  public void onDelete(Event event, boolean deletedFinalStateUnknown) {
    String uid = EventConverter.uidOf(event);
    if (uid == null) {
      return;
    }
    lock.lock();
    try {
      deleted.put(uid, event);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Uids remembered in the state but absent from the informer's first list: deleted while nobody watched. */
  void gone(Collection<String> uids) {
    lock.lock();
    try {
      gone.addAll(uids);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Takes at most {@code max} entries, waiting up to {@code wait} for the first one. */
  Batch drain(int max, Duration wait) throws InterruptedException {
    lock.lock();
    try {
      long nanos = wait.toNanos();
      while (keys.isEmpty() && deleted.isEmpty() && gone.isEmpty() && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      List<String> takenKeys = new ArrayList<>();
      for (Iterator<String> it = keys.iterator(); it.hasNext() && takenKeys.size() < max; ) {
        takenKeys.add(it.next());
        it.remove();
      }
      List<Event> takenDeleted = new ArrayList<>();
      for (Iterator<Event> it = deleted.values().iterator();
          it.hasNext() && takenKeys.size() + takenDeleted.size() < max; ) {
        takenDeleted.add(it.next());
        it.remove();
      }
      List<String> takenGone = new ArrayList<>();
      for (Iterator<String> it = gone.iterator();
          it.hasNext() && takenKeys.size() + takenDeleted.size() + takenGone.size() < max; ) {
        takenGone.add(it.next());
        it.remove();
      }
      return new Batch(takenKeys, takenDeleted, takenGone);
    } finally {
      lock.unlock();
    }
  }

  /** Wakes a waiting {@link #drain} (on stop or loss of leadership). */
  void wakeUp() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return keys.size() + deleted.size() + gone.size();
    } finally {
      lock.unlock();
    }
  }

  private void touch(Event event) {
    String key = Cache.metaNamespaceKeyFunc(event);
    lock.lock();
    try {
      keys.add(key);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
