package io.logpipe.runtime.config;

import java.util.List;

/** Every configuration problem found at start-up, reported at once (one per line, each naming its variable). */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("invalid configuration (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
        + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code FULL_NAME: what is wrong}. */
  public List<String> problems() {
    return problems;
  }
}
