package io.logpipe.runtime.health;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a free-form label (an exception class name) within a fixed number of distinct values, so a label fed from
 * code paths the author did not foresee cannot blow up the series count; later newcomers read {@value #OTHER}.
 */
final class BoundedLabels {

  static final String OTHER = "other";

  private final int max;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  BoundedLabels(int max) {
    this.max = max;
  }

  String admit(String value) {
    if (seen.contains(value)) {
      return value;
    }
    synchronized (this) {
      if (seen.size() < max) {
        seen.add(value);
        return value;
      }
    }
    return seen.contains(value) ? value : OTHER;
  }
}
