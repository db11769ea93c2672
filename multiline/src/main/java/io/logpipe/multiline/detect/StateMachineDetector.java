package io.logpipe.multiline.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a table of {@link Rule}s, the way fluent-plugin-detect-exceptions does (Apache-2.0; semantics mirrored, the
 * tables are ours): rules of the current state are tried in order; when none matches, the machine falls back to the
 * start state and tries the line again there, because it may start the next trace.
 */
public final class StateMachineDetector implements Detector {

  static final String START = "start";

  private final Map<String, Rule[]> rulesByState;
  private String state = START;

  StateMachineDetector(List<Rule> rules) {
    this(table(rules));
  }

  /** Shares a table built once by {@link #table(List)}: one detector per container stream, one table per rule set. */
  StateMachineDetector(Map<String, Rule[]> rulesByState) {
    this.rulesByState = rulesByState;
  }

  static Map<String, Rule[]> table(List<Rule> rules) {
    Map<String, List<Rule>> grouped = new HashMap<>();
    for (Rule r : rules) {
      grouped.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r);
    }
    Map<String, Rule[]> table = new HashMap<>();
    grouped.forEach((k, v) -> table.put(k, v.toArray(Rule[]::new)));
    return Map.copyOf(table);
  }

  @Override
  public Status update(String line) {
    String before = state;
    Rule r = match(before, line);
    if (r != null) {
      state = r.to();
      if (START.equals(before)) {
        return START.equals(state) ? Status.NO_TRACE : Status.START;
      }
      if (START.equals(state)) {
        return Status.END;
      }
      return r.tentative() ? Status.TENTATIVE : Status.INSIDE;
    }
    state = START;
    if (!START.equals(before)) {
      Rule start = match(START, line);
      if (start != null) {
        state = start.to();
        return Status.START;
      }
    }
    return Status.NO_TRACE;
  }

  private Rule match(String from, String line) {
    Rule[] rules = rulesByState.get(from);
    if (rules != null) {
      for (Rule r : rules) {
        if (r.matches(line)) {
          return r;
        }
      }
    }
    return null;
  }

  @Override
  public void reset() {
    state = START;
  }

  @Override
  public String state() {
    return state;
  }

  @Override
  public void restore(String saved) {
    // A state unknown to this version of the tables (after an upgrade) starts over rather than failing.
    state = saved != null && rulesByState.containsKey(saved) ? saved : START;
  }
}
