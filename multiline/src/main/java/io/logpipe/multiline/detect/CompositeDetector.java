package io.logpipe.multiline.detect;

/**
 * A user rule tried before the built-in detectors ({@link UserRule.Mode#EXTEND}): while the user rule has an event
 * open, it alone decides; a line that starts a user event closes any built-in trace; every other line goes to the
 * built-ins.
 */
final class CompositeDetector implements Detector {

  private final UserRuleDetector user;
  private final Detector builtin;

  CompositeDetector(UserRuleDetector user, Detector builtin) {
    this.user = user;
    this.builtin = builtin;
  }

  @Override
  public Status update(String line) {
    if (user.isOpen()) {
      Status s = user.update(line);
      if (s != Status.NO_TRACE) {
        return s;
      }
      // The user event ended before this line and the line starts no user event: the built-ins (reset when the
      // user event opened) judge it afresh.
      return builtin.update(line);
    }
    if (user.startsEvent(line)) {
      builtin.reset();
      return user.update(line);
    }
    return builtin.update(line);
  }

  @Override
  public void reset() {
    user.reset();
    builtin.reset();
  }

  @Override
  public String state() {
    return user.state() + "|" + builtin.state();
  }

  @Override
  public void restore(String state) {
    int bar = state == null ? -1 : state.indexOf('|');
    user.restore(bar < 0 ? null : state.substring(0, bar));
    builtin.restore(bar < 0 ? null : state.substring(bar + 1));
  }
}
