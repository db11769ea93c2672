package io.logpipe.shipper.files;

import io.logpipe.shipper.source.NodeLine;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text file (format {@code text}). Control-plane components log with klog, whose header
 * ({@code Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg}, {@code L} one of I, W, E, F) gives the severity and the
 * source location; the header has no year, so the time stays the read time. Any other line is just text (not
 * flagged: text is what this format expects).
 */
final class TextLine {

  private static final Pattern KLOG = Pattern.compile(
      "^([IWEF])(\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{6})\\s+(\\d+) ([^:\\]\\s]+:\\d+)\\] ");

  private TextLine() {}

  static NodeLine parse(String line) {
    Matcher m = KLOG.matcher(line);
    if (!m.find()) {
      return NodeLine.plain(false);
    }
    String severity = switch (m.group(1)) {
      case "I" -> "INFO";
      case "W" -> "WARN";
      case "E" -> "ERROR";
      default -> "FATAL";
    };
    return new NodeLine(null, null, severity, line.substring(m.end()),
        Map.of("klog.thread", m.group(3), "klog.source", m.group(4)), false);
  }
}
