package io.logpipe.enricher.meta;

import java.util.Locale;
import java.util.Optional;

/** Which parser reads a pod's message bodies; chosen per pod by the {@code logpipe.io/parser} annotation. */
public enum BodyFormat {
  /** No hint: JSON if the body looks like an object, else logfmt if it is entirely key=value pairs, else plain. */
  AUTO,
  JSON,
  LOGFMT,
  /** Leave the body alone: no attributes, no severity. */
  NONE;

  /** Parses an annotation value ({@code json}, {@code logfmt}, {@code none}, {@code auto}; any case). */
  public static Optional<BodyFormat> fromHint(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "json" -> Optional.of(JSON);
      case "logfmt" -> Optional.of(LOGFMT);
      case "none" -> Optional.of(NONE);
      case "auto" -> Optional.of(AUTO);
      default -> Optional.empty();
    };
  }
}
