package io.logpipe.shipper.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logpipe.shipper.source.NodeLine;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON-lines file (format {@code json}): one object per line, flattened into attributes with dotted keys
 * ({@code {"http":{"status":500}}} → {@code http.status=500}; arrays kept as their JSON text), at most
 * {@value #MAX_FIELDS} fields (the rest counted in {@code _fields_dropped}). The usual names give the event's parts:
 * severity from {@code level}, {@code severity} or {@code lvl}; body from {@code msg} or {@code message}; time from
 * {@code time}, {@code ts} or {@code timestamp} when it is an RFC 3339 text. These do not pass the enricher, so
 * this is the only parse they get. Not an object: shipped as text, flagged {@code unparsed}.
 */
final class JsonLine {

  static final int MAX_FIELDS = 128;
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLine() {}

  /** The line as a JSON object, or null. */
  static JsonNode tree(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static NodeLine parse(String line) {
    JsonNode object = tree(line);
    if (object == null) {
      return NodeLine.plain(true);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    int[] dropped = {0};
    flatten("", object, fields, dropped);
    if (dropped[0] > 0) {
      fields.put("_fields_dropped", Integer.toString(dropped[0]));
    }
    String severity = severity(first(fields, "level", "severity", "lvl"));
    String body = first(fields, "msg", "message");
    String time = first(fields, "time", "ts", "timestamp");
    Long nanos = null;
    if (time != null) {
      try {
        nanos = nanos(Instant.parse(time));
      } catch (DateTimeParseException notRfc3339) {
        time = null;
      }
    }
    return new NodeLine(nanos, time, severity, body, fields, false);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out, int[] dropped) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = prefix + e.getKey();
      JsonNode value = e.getValue();
      if (value.isObject()) {
        flatten(key + ".", value, out, dropped);
      } else if (out.size() >= MAX_FIELDS) {
        dropped[0]++;
      } else if (!value.isNull()) {
        out.put(key, value.isValueNode() ? value.asText() : value.toString());
      }
    }
  }

  private static String first(Map<String, String> fields, String... names) {
    for (String name : names) {
      String value = fields.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** The usual level words, normalised as {@code ParsedBody.severity} documents; unknown words: null. */
  static String severity(String level) {
    if (level == null) {
      return null;
    }
    return switch (level.trim().toLowerCase(Locale.ROOT)) {
      case "trace" -> "TRACE";
      case "debug", "dbug" -> "DEBUG";
      case "info", "information", "notice" -> "INFO";
      case "warn", "warning" -> "WARN";
      case "error", "err" -> "ERROR";
      case "fatal", "critical", "crit", "panic", "emerg", "alert" -> "FATAL";
      default -> null;
    };
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
