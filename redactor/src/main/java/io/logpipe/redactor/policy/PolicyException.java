package io.logpipe.redactor.policy;

import java.util.List;

/** A policy file that cannot be used; lists every problem found, not just the first. */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public PolicyException(List<String> problems) {
    super("invalid redaction policy:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
