package io.logpipe.redactor.policy;

import io.logpipe.redactor.scan.Finding;
import io.logpipe.redactor.scan.Findings;
import io.logpipe.redactor.scan.Rule;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies a policy to text: scans once, then replaces each finding as its rule's action says.
 * Never logs or returns a matched value except through the policy's output. Thread-safe.
 */
public final class Redactor {
  /** Reported as the rule when a text holds more findings than the scanner keeps: it is dropped whole. */
  public static final String TOO_MANY_FINDINGS = "too_many_findings";

  private final KeyedHasher hasher;

  /** @param hasher the keyed hasher, or null when no policy uses {@link Action#HASH} */
  public Redactor(KeyedHasher hasher) {
    this.hasher = hasher;
  }

  public Redaction redact(String text, Policy policy) {
    Findings all = policy.scanner().scanAll(text);
    if (all.truncated()) {
      return new Redaction("[DROPPED:" + TOO_MANY_FINDINGS + "]", java.util.Map.of(TOO_MANY_FINDINGS, 1),
          Redaction.Outcome.DROP_FIELD, TOO_MANY_FINDINGS);
    }
    List<Finding> findings = all.resolved();
    if (findings.isEmpty()) {
      return Redaction.unchanged(text);
    }
    TreeMap<String, Integer> counts = new TreeMap<>();
    StringBuilder out = new StringBuilder(text.length() + 16 * findings.size());
    Redaction.Outcome outcome = Redaction.Outcome.REDACTED;
    String dropRule = null;
    int copied = 0;
    for (Finding f : findings) {
      counts.merge(f.rule(), 1, Integer::sum);
      Action action = policy.action(f.rule());
      if (action == Action.DROP_EVENT && outcome != Redaction.Outcome.DROP_EVENT) {
        outcome = Redaction.Outcome.DROP_EVENT;
        dropRule = f.rule();
      } else if (action == Action.DROP_FIELD && outcome == Redaction.Outcome.REDACTED) {
        outcome = Redaction.Outcome.DROP_FIELD;
        dropRule = f.rule();
      }
      out.append(text, copied, f.start());
      replacement(out, f.rule(), action, text.substring(f.start(), f.end()));
      copied = f.end();
    }
    out.append(text, copied, text.length());
    return new Redaction(out.toString(), counts, outcome, dropRule);
  }

  /**
   * Redacts the value of a structured field: when the key itself names a secret the whole value is
   * the finding; otherwise the value is scanned like any text.
   */
  public Redaction redactField(String key, String value, Policy policy) {
    Optional<Rule> byKey = policy.sensitiveKey(key);
    if (byKey.isEmpty() || value.isEmpty()) {
      return redact(value, policy);
    }
    String rule = byKey.get().id();
    Action action = policy.action(rule);
    StringBuilder out = new StringBuilder();
    replacement(out, rule, action, value);
    Redaction.Outcome outcome = switch (action) {
      case DROP_EVENT -> Redaction.Outcome.DROP_EVENT;
      case DROP_FIELD -> Redaction.Outcome.DROP_FIELD;
      default -> Redaction.Outcome.REDACTED;
    };
    boolean dropping = outcome != Redaction.Outcome.REDACTED;
    return new Redaction(out.toString(), java.util.Map.of(rule, 1), outcome, dropping ? rule : null);
  }

  private void replacement(StringBuilder out, String rule, Action action, String value) {
    if (action == Action.HASH) {
      if (hasher == null) {
        throw new IllegalStateException("policy hashes rule " + rule + " but no hash key is configured");
      }
      out.append("[HASHED:").append(rule).append(':').append(hasher.token(value)).append(']');
    } else {
      out.append("[REDACTED:").append(rule).append(']');
    }
  }
}
