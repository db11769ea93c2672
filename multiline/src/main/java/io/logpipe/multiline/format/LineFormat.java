package io.logpipe.multiline.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The container log format to read. {@link #AUTO} decides per line (a runtime may change between restarts, and
 * docker lines always start with {@code {} while CRI lines start with a digit); {@link #PLAIN} takes the line as it
 * is, with no stream and no time (for files that are not container logs).
 */
public enum LineFormat {
  AUTO, CRI, DOCKER, PLAIN;

  public ParseResult parse(byte[] line, int length) {
    return switch (this) {
      case CRI -> CriLineParser.parse(line, length);
      case DOCKER -> DockerJsonLineParser.parse(line, length);
      case PLAIN -> new ParseResult.Parsed(new RuntimeLine("", null, RuntimeLine.NO_TIME, false,
          new String(line, 0, length, StandardCharsets.UTF_8), length));
      case AUTO -> length > 0 && line[0] == '{'
          ? DockerJsonLineParser.parse(line, length)
          : CriLineParser.parse(line, length);
    };
  }

  public ParseResult parse(byte[] line) {
    return parse(line, line.length);
  }

  /** Case-insensitive lookup for configuration. */
  public static LineFormat of(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
