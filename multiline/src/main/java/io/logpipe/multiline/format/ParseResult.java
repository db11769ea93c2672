package io.logpipe.multiline.format;

/** What a runtime-format parser made of one line: the line, or why it was rejected. */
public sealed interface ParseResult {

  /** The line parsed. */
  record Parsed(RuntimeLine line) implements ParseResult { }

  /** The line is not in the expected format; {@code reason} is short, stable and safe to use as a metric label. */
  record Rejected(String reason) implements ParseResult { }

  static ParseResult rejected(String reason) {
    return new Rejected(reason);
  }
}
