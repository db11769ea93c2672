package io.logpipe.enricher.body;

import io.logpipe.enricher.meta.BodyFormat;
import io.logpipe.schemas.ParsedBody;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses an event's message per the pod's parser hint (issue 5, "Bodies"). The message itself is never changed.
 * Thread-safe: one instance serves every stream thread.
 */
public final class BodyParser {

  /** Flag: the body was cut to the limits (attributes dropped or values shortened). */
  public static final String FLAG_TRUNCATED = "body_truncated";
  /** Flag: the pod asked for a parser (json, logfmt) that could not read the body. */
  public static final String FLAG_UNPARSED = "body_unparsed";

  /** What parsing found: the parsed fields (null when nothing was found) and flags to add to the event. */
  public record Result(ParsedBody parsed, List<String> flags) {
    static final Result NOTHING = new Result(null, List.of());
  }

  private final BodyLimits limits;
  private final JsonBody json;
  private final LogfmtBody logfmt;

  public BodyParser(BodyLimits limits) {
    this.limits = limits;
    this.json = new JsonBody(limits);
    this.logfmt = new LogfmtBody(limits);
  }

  public Result parse(String message, BodyFormat format) {
    if (message == null || message.isEmpty() || format == BodyFormat.NONE) {
      return Result.NOTHING;
    }
    if (message.length() > limits.maxChars()) {
      return format == BodyFormat.AUTO ? plain(message) : new Result(null, List.of(FLAG_UNPARSED, FLAG_TRUNCATED));
    }
    return switch (format) {
      case JSON -> structured(json.parse(message), true);
      case LOGFMT -> structured(logfmt.parse(message, false), true);
      default -> auto(message);
    };
  }

  private Result auto(String message) {
    if (JsonBody.looksLikeObject(message)) {
      Optional<FieldCollector> fields = json.parse(message);
      if (fields.isPresent()) {
        return structured(fields, false);
      }
    }
    if (message.indexOf('=') > 0) {
      Optional<FieldCollector> fields = logfmt.parse(message, true);
      if (fields.isPresent()) {
        return structured(fields, false);
      }
    }
    return plain(message);
  }

  private static Result structured(Optional<FieldCollector> fields, boolean forced) {
    if (fields.isEmpty()) {
      return forced ? new Result(null, List.of(FLAG_UNPARSED)) : Result.NOTHING;
    }
    FieldCollector f = fields.get();
    return new Result(f.build(), f.truncated() ? List.of(FLAG_TRUNCATED) : List.of());
  }

  private static Result plain(String message) {
    return PlainSeverity.find(message)
        .map(level -> new Result(new ParsedBody(level, null, null, null, null, Map.of()), List.<String>of()))
        .orElse(Result.NOTHING);
  }
}
