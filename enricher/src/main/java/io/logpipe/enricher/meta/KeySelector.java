package io.logpipe.enricher.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses which label or annotation keys are kept: a key is kept when it matches an allow pattern and no deny
 * pattern (deny wins). A pattern is an exact key, or a prefix ending in {@code *} ({@code app.kubernetes.io/*}),
 * or {@code *} alone for every key. An empty allow list keeps nothing.
 */
public final class KeySelector {

  private final List<String> allow;
  private final List<String> deny;

  private KeySelector(List<String> allow, List<String> deny) {
    this.allow = List.copyOf(allow);
    this.deny = List.copyOf(deny);
  }

  /** Builds a selector, or throws listing every malformed pattern. */
  public static KeySelector of(List<String> allow, List<String> deny) {
    List<String> problems = new ArrayList<>();
    validate("allow", allow, problems);
    validate("deny", deny, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new KeySelector(allow, deny);
  }

  /** Keeps nothing. */
  public static KeySelector none() {
    return new KeySelector(List.of(), List.of());
  }

  public boolean keeps(String key) {
    return matchesAny(allow, key) && !matchesAny(deny, key);
  }

  /** The kept entries, as an immutable map (empty when nothing is kept, never null). */
  public Map<String, String> select(Map<String, String> entries) {
    if (entries == null || entries.isEmpty() || allow.isEmpty()) {
      return Map.of();
    }
    Map<String, String> kept = new LinkedHashMap<>();
    entries.forEach((k, v) -> {
      if (k != null && v != null && keeps(k)) {
        kept.put(k, v);
      }
    });
    return Map.copyOf(kept);
  }

  public List<String> allow() {
    return allow;
  }

  public List<String> deny() {
    return deny;
  }

  private static boolean matchesAny(List<String> patterns, String key) {
    for (String p : patterns) {
      if (p.endsWith("*") ? key.startsWith(p.substring(0, p.length() - 1)) : key.equals(p)) {
        return true;
      }
    }
    return false;
  }

  private static void validate(String which, List<String> patterns, List<String> problems) {
    for (String p : patterns) {
      if (p == null || p.isBlank()) {
        problems.add(which + " pattern is empty");
      } else if (p.indexOf('*') >= 0 && p.indexOf('*') != p.length() - 1) {
        problems.add(which + " pattern '" + p + "': '*' is only allowed at the end");
      } else if (!p.strip().equals(p)) {
        problems.add(which + " pattern '" + p + "' has surrounding spaces");
      }
    }
  }
}
