package io.logpipe.enricher.body;

import io.logpipe.schemas.ParsedBody;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.List;

/**
 * Sorts the key/value pairs of a structured body (JSON, logfmt) into the ParsedBody fields: the first valid
 * severity, message, time, trace and span id by their usual keys; everything else (including a recognised key whose
 * value does not validate) into bounded, dotted attributes. Shared by both parsers so they agree on key names.
 */
final class FieldCollector {

  private enum Role { SEVERITY, MESSAGE, TIME, TRACE, SPAN, TRACEPARENT }

  // Key spellings of zap, logrus, slog, pino, bunyan, Python logging, ECS (log.level, trace.id) and OTel; one map
  // lookup per key, since every field of every structured body passes here.
  private static final Map<String, Role> ROLES = roles();

  private static final int ROLE_KEY_CHARS = ROLES.keySet().stream().mapToInt(String::length).max().orElse(0);

  private static Map<String, Role> roles() {
    Map<String, Role> roles = new HashMap<>();
    for (String k : List.of("level", "severity", "lvl", "loglevel", "log.level", "levelname", "severity_text",
        "severitytext", "@l")) {
      roles.put(k, Role.SEVERITY);
    }
    for (String k : List.of("msg", "message", "@m")) {
      roles.put(k, Role.MESSAGE);
    }
    for (String k : List.of("time", "timestamp", "ts", "@timestamp", "@t", "datetime")) {
      roles.put(k, Role.TIME);
    }
    for (String k : List.of("trace_id", "traceid", "trace.id")) {
      roles.put(k, Role.TRACE);
    }
    for (String k : List.of("span_id", "spanid", "span.id")) {
      roles.put(k, Role.SPAN);
    }
    roles.put("traceparent", Role.TRACEPARENT);
    return Map.copyOf(roles);
  }

  private final BodyLimits limits;
  private final Map<String, String> attributes = new HashMap<>();
  private String severity;
  private String body;
  private Long timeUnixNano;
  private String traceId;
  private String spanId;
  private boolean truncated;

  FieldCollector(BodyLimits limits) {
    this.limits = limits;
  }

  /** A string value (or a number/boolean kept as its text; {@code numeric} says which). */
  void accept(String key, String value, boolean numeric) {
    // No role key is longer than ROLE_KEY_CHARS: most attribute keys skip the lower-casing and the lookup.
    if (key.length() > ROLE_KEY_CHARS || !claim(key.toLowerCase(Locale.ROOT), value, numeric)) {
      attribute(key, value);
    }
  }

  void markTruncated() {
    truncated = true;
  }

  boolean truncated() {
    return truncated;
  }

  /** Adds an attribute within the bounds, cutting long values. */
  void attribute(String key, String value) {
    if (!attributes.containsKey(key) && attributes.size() >= limits.maxAttributes()) {
      truncated = true;
      return;
    }
    if (value.length() > limits.maxValueChars()) {
      truncated = true;
      value = value.substring(0, limits.maxValueChars());
    }
    attributes.put(key, value);
  }

  ParsedBody build() {
    // The all-arguments constructor: an Avro builder deep-copies the default of every unset field.
    return new ParsedBody(severity, body, timeUnixNano, traceId, spanId, attributes);
  }

  private boolean claim(String key, String value, boolean numeric) {
    Role role = ROLES.get(key);
    if (role == null) {
      return false;
    }
    switch (role) {
      case SEVERITY -> {
        if (severity == null) {
          severity = (numeric ? parseLong(value).flatMap(Severity::fromNumber) : Severity.fromWord(value))
              .orElse(null);
          return severity != null;
        }
      }
      case MESSAGE -> {
        if (body == null && !numeric) {
          body = value.length() > limits.maxValueChars() ? value.substring(0, limits.maxValueChars()) : value;
          truncated |= body.length() < value.length();
          return true;
        }
      }
      case TIME -> {
        if (timeUnixNano == null) {
          timeUnixNano = (numeric ? BodyTime.fromNumberText(value) : BodyTime.fromText(value))
              .orElse(null);
          return timeUnixNano != null;
        }
      }
      case TRACE -> {
        if (traceId == null && !numeric) {
          traceId = TraceIds.traceId(value).orElse(null);
          return traceId != null;
        }
      }
      case SPAN -> {
        if (spanId == null && !numeric) {
          spanId = TraceIds.spanId(value).orElse(null);
          return spanId != null;
        }
      }
      case TRACEPARENT -> {
        if (traceId == null && spanId == null && !numeric) {
          Optional<TraceIds.TraceContext> context = TraceIds.traceparent(value);
          context.ifPresent(c -> {
            traceId = c.traceId();
            spanId = c.spanId();
          });
          return context.isPresent();
        }
      }
      default -> throw new IllegalStateException("unhandled role " + role);
    }
    return false;
  }

  private static Optional<Long> parseLong(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException notAnInteger) {
      return Optional.empty();
    }
  }
}
