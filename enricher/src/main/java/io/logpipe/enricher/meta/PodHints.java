package io.logpipe.enricher.meta;

import java.util.Map;

/**
 * Per-pod instructions read from the pod's annotations (issue 5, "Annotations as per-pod hints"):
 * {@code logpipe.io/exclude: "true"} drops the pod's events; {@code logpipe.io/parser: json|logfmt|none} chooses
 * the body parser. An unknown parser value is ignored (auto) and reported through {@link #invalidParser()}.
 */
public record PodHints(boolean exclude, BodyFormat parser, boolean invalidParser) {

  public static final String EXCLUDE = "logpipe.io/exclude";
  public static final String PARSER = "logpipe.io/parser";

  public static final PodHints DEFAULT = new PodHints(false, BodyFormat.AUTO, false);

  /** Reads the hints from a pod's full annotation map (before annotation selection). */
  public static PodHints from(Map<String, String> annotations) {
    if (annotations == null || annotations.isEmpty()) {
      return DEFAULT;
    }
    boolean exclude = "true".equalsIgnoreCase(strip(annotations.get(EXCLUDE)));
    String parserValue = annotations.get(PARSER);
    BodyFormat parser = BodyFormat.fromHint(parserValue).orElse(BodyFormat.AUTO);
    boolean invalid = parserValue != null && BodyFormat.fromHint(parserValue).isEmpty();
    PodHints hints = new PodHints(exclude, parser, invalid);
    return hints.equals(DEFAULT) ? DEFAULT : hints;
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }
}
