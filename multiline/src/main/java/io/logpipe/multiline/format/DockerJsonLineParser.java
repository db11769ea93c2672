package io.logpipe.multiline.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses docker's json-file lines: {@code {"log":"text\n","stream":"stdout","time":"2016-10-05T00:00:30.082640485Z"}}
 * (other keys such as {@code attrs} are skipped). {@code log}, {@code stream} and an RFC 3339 {@code time} are
 * required, as Vector and Filebeat require them. A {@code log} value without its trailing {@code \n} is a partial
 * piece (docker splits lines at 16 KiB, and a process may end without a newline); the trailing {@code \n} is not
 * part of the content. Uses Jackson's streaming parser: no tree, no databinding.
 */
public final class DockerJsonLineParser {

  private static final JsonFactory JSON = new JsonFactory();

  private DockerJsonLineParser() {
  }

  public static ParseResult parse(byte[] b, int length) {
    String log = null;
    String stream = null;
    String time = null;
    try (JsonParser p = JSON.createParser(b, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return ParseResult.rejected("docker_not_object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "log" -> log = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "stream" -> stream = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "time" -> time = value == JsonToken.VALUE_STRING ? p.getText() : null;
          default -> p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return ParseResult.rejected("docker_bad_json");
      }
    } catch (IOException e) {
      return ParseResult.rejected("docker_bad_json");
    }
    if (log == null) {
      return ParseResult.rejected("docker_no_log");
    }
    if (stream == null || stream.isEmpty()) {
      return ParseResult.rejected("docker_no_stream");
    }
    if (time == null) {
      return ParseResult.rejected("docker_no_time");
    }
    byte[] timeBytes = time.getBytes(StandardCharsets.ISO_8859_1);
    long nanos = Rfc3339.parseNanos(timeBytes, 0, timeBytes.length);
    if (nanos == Rfc3339.INVALID) {
      return ParseResult.rejected("docker_bad_time");
    }
    boolean partial = !log.endsWith("\n");
    String content = partial ? log : log.substring(0, log.length() - 1);
    String knownStream = RuntimeLine.STDOUT.equals(stream) ? RuntimeLine.STDOUT
        : RuntimeLine.STDERR.equals(stream) ? RuntimeLine.STDERR : stream;
    return new ParseResult.Parsed(new RuntimeLine(knownStream, time, nanos, partial, content, Utf8.length(content)));
  }
}
