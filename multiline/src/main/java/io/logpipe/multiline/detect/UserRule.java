package io.logpipe.multiline.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A user's multi-line rule: which container streams it applies to, and the start / continue / end patterns that
 * group their lines. Any of the three patterns may be absent (at least one is required):
 * <ul>
 *   <li>no {@code start}: every line that does not continue an event starts one;</li>
 *   <li>no {@code continue}: every line that does not start an event continues the open one (with an {@code end}
 *   pattern, every line continues it until the end line);</li>
 *   <li>{@code end}: a line matching it closes the open event after joining it.</li>
 * </ul>
 * Lines outside any event are their own events. {@code mode} says whether the rule replaces the built-in detectors
 * for the streams it selects or is tried before them.
 *
 * @param namespace exact namespace, or null for any
 * @param pod       regex the pod name must match entirely, or null for any
 * @param container exact container name, or null for any
 */
public record UserRule(String name, String namespace, Pattern pod, String container, Mode mode,
                       Pattern start, Pattern continuation, Pattern end) {

  public enum Mode { EXTEND, REPLACE }

  public boolean selects(String ns, String podName, String containerName) {
    return (namespace == null || namespace.equals(ns))
        && (pod == null || (podName != null && pod.matcher(podName).matches()))
        && (container == null || container.equals(containerName));
  }

  /**
   * Builds a rule from its textual form, adding every problem found to {@code problems} (so that a whole rules file
   * is reported at once) and returning empty if there was any.
   */
  public static Optional<UserRule> of(String name, String namespace, String pod, String container, String mode,
                                      String start, String continuation, String end, List<String> problems) {
    List<String> mine = new ArrayList<>();
    String label = "rule '" + (name == null ? "?" : name) + "'";
    Mode m = Mode.EXTEND;
    if (mode != null) {
      try {
        m = Mode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        mine.add(label + ": mode must be extend or replace, got '" + mode + "'");
      }
    }
    if (start == null && continuation == null && end == null) {
      mine.add(label + ": needs at least one of start, continue, end");
    }
    Pattern podP = compile(label, "pod", pod, mine);
    Pattern s = compile(label, "start", start, mine);
    Pattern c = compile(label, "continue", continuation, mine);
    Pattern e = compile(label, "end", end, mine);
    problems.addAll(mine);
    return mine.isEmpty() ? Optional.of(new UserRule(name, namespace, podP, container, m, s, c, e)) : Optional.empty();
  }

  private static Pattern compile(String label, String field, String regex, List<String> problems) {
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException ex) {
      problems.add(label + ": " + field + " is not a valid regex: " + ex.getDescription());
      return null;
    }
  }
}
