package io.logpipe.redactor.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects what the detectors report during one scan and resolves overlaps: of two overlapping
 * findings the longer one wins (it covers the other's text), then the higher-ranked rule.
 * Bounded: a pathological line cannot make the list grow without limit.
 */
public final class Findings {
  static final int MAX_FINDINGS = 10_000;

  private static final Comparator<Finding> PREFERENCE = Comparator
      .comparingInt(Finding::length).reversed()
      .thenComparingInt(f -> Rule.rank(f.rule()))
      .thenComparingInt(Finding::start);

  private List<Finding> all = List.of(); // allocated on the first finding: most texts have none
  private boolean truncated;

  void add(int start, int end, Rule rule) {
    add(start, end, rule.id());
  }

  void add(int start, int end, String rule) {
    if (end <= start) {
      return;
    }
    if (all.size() >= MAX_FINDINGS) {
      truncated = true;
      return;
    }
    if (all.isEmpty()) {
      all = new ArrayList<>(4);
    }
    all.add(new Finding(start, end, rule));
  }

  /** True when more findings than {@link #MAX_FINDINGS} were reported (the caller should then drop the text). */
  public boolean truncated() {
    return truncated;
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  /** Non-overlapping findings in text order. */
  public List<Finding> resolved() {
    if (all.size() <= 1) {
      return all.isEmpty() ? List.of() : List.of(all.get(0));
    }
    List<Finding> byPreference = new ArrayList<>(all);
    byPreference.sort(PREFERENCE);
    List<Finding> kept = new ArrayList<>();
    for (Finding candidate : byPreference) {
      if (kept.stream().noneMatch(candidate::overlaps)) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingInt(Finding::start));
    return List.copyOf(kept);
  }
}
