package io.logpipe.shipper.source;

import java.util.Map;

/**
 * What a parser made of one line of a node source (a file line, a journal entry): the fields of the
 * {@code LogEvent} it becomes.
 *
 * @param timeUnixNano  the line's own time, or null (the read time is used)
 * @param timeText      that time as written, or null
 * @param severity      TRACE, DEBUG, INFO, WARN, ERROR or FATAL, or null
 * @param body          the message part of a structured line, or null
 * @param attributes    parsed fields, dotted keys
 * @param unparsed      the format expected structure the line did not have (shipped anyway, flagged)
 */
public record NodeLine(Long timeUnixNano, String timeText, String severity, String body,
    Map<String, String> attributes, boolean unparsed) {

  public NodeLine {
    attributes = Map.copyOf(attributes);
  }

  /** A line taken as text only. */
  public static NodeLine plain(boolean unparsed) {
    return new NodeLine(null, null, null, null, Map.of(), unparsed);
  }
}
