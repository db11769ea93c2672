package io.logpipe.enricher.meta;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal immutable values (strings, label maps, owner references) between cached pods, so that the
 * hundred replicas of one Deployment hold one copy of their namespace, node, image and label map.
 *
 * <p>Bounded: when it reaches {@code maxEntries} it starts over empty. Values already handed out stay valid (they
 * are only no longer shared with newer ones), so the bound costs sharing, never correctness. Unlike
 * {@link String#intern()}, nothing outlives the cache that owns the interner.
 */
public final class Interner {

  private final int maxEntries;
  private final ConcurrentHashMap<Object, Object> pool;

  public Interner(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.pool = new ConcurrentHashMap<>();
  }

  /** The shared instance equal to {@code value} (null stays null). Values must be immutable. */
  @SuppressWarnings("unchecked")
  public <T> T intern(T value) {
    if (value == null) {
      return null;
    }
    Object shared = pool.get(value);
    if (shared != null) {
      return (T) shared;
    }
    if (pool.size() >= maxEntries) {
      pool.clear();
    }
    Object previous = pool.putIfAbsent(value, value);
    return previous == null ? value : (T) previous;
  }

  /** How many distinct values are shared at the moment. */
  public int size() {
    return pool.size();
  }
}
