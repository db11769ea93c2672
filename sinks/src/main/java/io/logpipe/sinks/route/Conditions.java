package io.logpipe.sinks.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The condition kinds a rule can use. Each factory validates what it is given and throws
 * {@link IllegalArgumentException} with a message fit for a configuration error.
 */
public final class Conditions {

  /** The enricher's normalised severities, lowest first (see ParsedBody.severity in LogEvent.avsc). */
  static final List<String> SEVERITIES = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

  private Conditions() {}

  /** The namespace is one of the names or globs, e.g. {@code payments-*,checkout}. */
  public static Condition namespace(List<String> globs) {
    GlobList list = new GlobList(globs);
    return of("namespace=" + list, s -> list.matches(s.namespace()));
  }

  /** The container name is one of the names or globs. */
  public static Condition container(List<String> globs) {
    GlobList list = new GlobList(globs);
    return of("container=" + list, s -> list.matches(s.container()));
  }

  /**
   * The severity is one of a list ({@code ERROR,FATAL}) or at least a level ({@code >=WARN}). An event with no
   * severity matches neither: routing on severity only sees what the enricher could tell.
   */
  public static Condition severity(String spec) {
    String text = spec.trim().toUpperCase(Locale.ROOT);
    if (text.startsWith(">=")) {
      int floor = level(text.substring(2).trim());
      return of("severity>=" + SEVERITIES.get(floor), s -> SEVERITIES.indexOf(s.severity()) >= floor);
    }
    List<String> levels = Arrays.stream(text.split(",")).map(String::trim).toList();
    levels.forEach(Conditions::level);
    Set<String> wanted = Set.copyOf(levels);
    return of("severity=" + String.join("|", levels), s -> wanted.contains(s.severity()));
  }

  /** A Java regular expression found anywhere in the message. */
  public static Condition message(String regex) {
    try {
      Pattern pattern = Pattern.compile(regex);
      return of("message~" + regex, s -> pattern.matcher(s.message()).find());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regular expression: " + e.getDescription(), e);
    }
  }

  /**
   * A Kubernetes equality-based label selector on the pod's labels: {@code app=web,tier!=db,canary,!legacy}
   * ({@code key=value}, {@code key==value}, {@code key!=value} which also matches pods without the key,
   * {@code key} exists, {@code !key} absent), all requirements must hold.
   */
  public static Condition labels(String selector) {
    List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
    for (String part : selector.split(",")) {
      requirements.add(labelRequirement(part.trim()));
    }
    return of("labels=" + selector.trim(), s -> requirements.stream().allMatch(r -> r.test(s.podLabels())));
  }

  private static Predicate<Map<String, String>> labelRequirement(String req) {
    int ne = req.indexOf("!=");
    int eq = req.indexOf('=');
    if (ne > 0) {
      String key = labelKey(req.substring(0, ne));
      String value = req.substring(ne + 2).trim();
      return labels -> !value.equals(labels.get(key));
    }
    if (eq > 0) {
      String key = labelKey(req.substring(0, eq));
      String value = req.substring(req.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
      return labels -> value.equals(labels.get(key));
    }
    if (req.startsWith("!")) {
      String key = labelKey(req.substring(1));
      return labels -> !labels.containsKey(key);
    }
    String key = labelKey(req);
    return labels -> labels.containsKey(key);
  }

  private static String labelKey(String raw) {
    String key = raw.trim();
    if (key.isEmpty() || key.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=' || c == '!')) {
      throw new IllegalArgumentException("invalid label requirement near '" + raw + "'");
    }
    return key;
  }

  private static int level(String name) {
    int index = SEVERITIES.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("unknown severity '" + name + "' (one of " + SEVERITIES + ")");
    }
    return index;
  }

  private static Condition of(String description, Predicate<RoutingSubject> test) {
    return new Condition() {
      @Override
      public boolean test(RoutingSubject subject) {
        return test.test(subject);
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }
}
