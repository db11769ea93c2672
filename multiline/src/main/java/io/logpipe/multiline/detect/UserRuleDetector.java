package io.logpipe.multiline.detect;

/** Applies one {@link UserRule}; its only state is whether an event is open. */
final class UserRuleDetector implements Detector {

  private final UserRule rule;
  private boolean open;

  UserRuleDetector(UserRule rule) {
    this.rule = rule;
  }

  @Override
  public Status update(String line) {
    if (open) {
      if (matches(rule.end(), line)) {
        open = false;
        return Status.END;
      }
      // Without a continue pattern: with an end pattern every line continues until the end line (Vector's
      // halt_with); without one, every line that does not start an event continues the open one.
      boolean continues = rule.continuation() != null ? matches(rule.continuation(), line)
          : rule.end() != null || !startsEvent(line);
      if (continues) {
        return Status.INSIDE;
      }
    }
    open = startsEvent(line);
    if (open && matches(rule.end(), line) && rule.start() != null) {
      open = false;
      return Status.NO_TRACE;
    }
    return open ? Status.START : Status.NO_TRACE;
  }

  boolean isOpen() {
    return open;
  }

  /** Would this line start an event (used by the composite to let a user rule take over). */
  boolean startsEvent(String line) {
    if (rule.start() != null) {
      return matches(rule.start(), line);
    }
    return !matches(rule.continuation(), line);
  }

  private static boolean matches(java.util.regex.Pattern p, String line) {
    return p != null && p.matcher(line).find();
  }

  @Override
  public void reset() {
    open = false;
  }

  @Override
  public String state() {
    return open ? "open" : "start";
  }

  @Override
  public void restore(String state) {
    open = "open".equals(state);
  }
}
