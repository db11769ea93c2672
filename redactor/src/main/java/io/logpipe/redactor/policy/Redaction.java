package io.logpipe.redactor.policy;

import java.util.Map;

/**
 * The result of redacting one text: the redacted text, how many findings each rule made, and
 * whether a finding asked to drop the field or the whole event ({@code dropRule} names it).
 */
public record Redaction(String text, Map<String, Integer> counts, Outcome outcome, String dropRule) {
  public enum Outcome {
    UNCHANGED, REDACTED, DROP_FIELD, DROP_EVENT
  }

  public Redaction {
    counts = Map.copyOf(counts);
  }

  static Redaction unchanged(String text) {
    return new Redaction(text, Map.of(), Outcome.UNCHANGED, null);
  }

  public boolean changed() {
    return outcome != Outcome.UNCHANGED;
  }
}
