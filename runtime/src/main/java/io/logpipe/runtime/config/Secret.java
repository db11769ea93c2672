package io.logpipe.runtime.config;

import java.util.Objects;

/**
 * A configuration value that must never be printed: {@link #toString()} masks it, so a secret that reaches a log
 * line, an exception message or {@link ConfigReader#describe()} shows as {@code ****}.
 */
public final class Secret {

  static final String MASK = "****";

  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The secret itself; call only where it is handed to the client that needs it. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.isEmpty() ? "" : MASK;
  }
}
