package io.logpipe.enricher.body;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the severity of an unstructured line where people put it: klog's header ({@code E1120 10:00:00.123456},
 * https://github.com/kubernetes/klog), a bracketed level ({@code [error]}, any case), an upper-case level word
 * ({@code ERROR}, {@code WARN}, as Log4j, Logback and Python print them), or {@code level=…} inside free text. The
 * earliest match in the first {@value #SCAN_CHARS} characters wins; lower-case words in prose ("no error") never
 * count.
 */
public final class PlainSeverity {

  static final int SCAN_CHARS = 256;

  private static final Pattern KLOG = Pattern.compile("^([IWEF])\\d{4} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\s");
  private static final Pattern LEVEL = Pattern.compile(
      "\\[(?<bracketed>(?i:trace|debug|info|notice|warn|warning|error|err|fatal|critical|crit|panic|emerg|alert))\\]"
          + "|\\b(?<word>TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|CRITICAL|PANIC|SEVERE)\\b"
          + "|\\b(?i:level|lvl|severity)[=:]\\s?\"?(?<keyed>[A-Za-z]{1,12})\\b");

  public static Optional<String> find(String message) {
    if (message == null || message.isEmpty()) {
      return Optional.empty();
    }
    String head = message.length() > SCAN_CHARS ? message.substring(0, SCAN_CHARS) : message;
    Matcher klog = KLOG.matcher(head);
    if (klog.find()) {
      return Severity.fromWord(klog.group(1));
    }
    Matcher m = LEVEL.matcher(head);
    while (m.find()) {
      String word = m.group("bracketed") != null ? m.group("bracketed")
          : m.group("word") != null ? m.group("word") : m.group("keyed");
      Optional<String> level = Severity.fromWord(word);
      if (level.isPresent()) {
        return level;
      }
    }
    return Optional.empty();
  }

  private PlainSeverity() {}
}
