package io.logpipe.redactor.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a policy does with a finding of a rule. */
public enum Action {
  /** Replace the span with {@code [REDACTED:<rule>]}. */
  MASK,
  /** Replace the span with {@code [HASHED:<rule>:<token>]}, token = truncated HMAC-SHA256 of the value. */
  HASH,
  /** Remove the field holding the span (an attribute, the parsed body; the message is replaced by a marker). */
  DROP_FIELD,
  /** Drop the whole event. */
  DROP_EVENT,
  /** The rule does not run. */
  OFF;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Action> parse(String text) {
    String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(a -> a.name().equals(normalised)).findFirst();
  }
}
