package io.logpipe.enricher.body;

import io.logpipe.schemas.ParsedBody;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts the key/value pairs of a structured body (JSON, logfmt) into the ParsedBody fields: the first valid
 * severity, message, time, trace and span id by their usual keys; everything else (including a recognised key whose
 * value does not validate) into bounded, dotted attributes. Shared by both parsers so they agree on key names.
 */
final class FieldCollector {

  // Key spellings of zap, logrus, slog, pino, bunyan, Python logging, ECS (log.level, trace.id) and OTel.
  private static final Set<String> SEVERITY_KEYS =
      Set.of("level", "severity", "lvl", "loglevel", "log.level", "levelname", "severity_text", "severitytext", "@l");
  private static final Set<String> MESSAGE_KEYS = Set.of("msg", "message", "@m");
  private static final Set<String> TIME_KEYS = Set.of("time", "timestamp", "ts", "@timestamp", "@t", "datetime");
  private static final Set<String> TRACE_KEYS = Set.of("trace_id", "traceid", "trace.id", "dd.trace_id_hex");
  private static final Set<String> SPAN_KEYS = Set.of("span_id", "spanid", "span.id");
  private static final String TRACEPARENT = "traceparent";

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
    if (!claim(key.toLowerCase(Locale.ROOT), value, numeric)) {
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
    if (severity == null && SEVERITY_KEYS.contains(key)) {
      severity = numeric ? parseLong(value).flatMap(Severity::fromNumber).orElse(null) : Severity.fromWord(value)
          .orElse(null);
      return severity != null;
    }
    if (body == null && !numeric && MESSAGE_KEYS.contains(key)) {
      body = value.length() > limits.maxValueChars() ? value.substring(0, limits.maxValueChars()) : value;
      truncated |= body.length() < value.length();
      return true;
    }
    if (timeUnixNano == null && TIME_KEYS.contains(key)) {
      timeUnixNano = (numeric ? parseDecimal(value).flatMap(BodyTime::fromNumber) : BodyTime.fromText(value))
          .orElse(null);
      return timeUnixNano != null;
    }
    if (traceId == null && !numeric && TRACE_KEYS.contains(key)) {
      traceId = TraceIds.traceId(value).orElse(null);
      return traceId != null;
    }
    if (spanId == null && !numeric && SPAN_KEYS.contains(key)) {
      spanId = TraceIds.spanId(value).orElse(null);
      return spanId != null;
    }
    if (traceId == null && spanId == null && !numeric && TRACEPARENT.equals(key)) {
      Optional<TraceIds.TraceContext> context = TraceIds.traceparent(value);
      context.ifPresent(c -> {
        traceId = c.traceId();
        spanId = c.spanId();
      });
      return context.isPresent();
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

  private static Optional<BigDecimal> parseDecimal(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }
}
