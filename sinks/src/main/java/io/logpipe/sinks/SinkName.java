package io.logpipe.sinks;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A delivery backend, by the name used in configuration and in its sink topic ({@code logs.sink.<name>.v1}). */
public enum SinkName {
  LOKI,
  OPENSEARCH,
  S3;

  /** The configuration name: {@code loki}, {@code opensearch}, {@code s3}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The sink topic this backend's worker consumes, from the topic registry. */
  public Topic<String, LogEvent> topic() {
    return Topics.sink(id());
  }

  /** Case-insensitive lookup of a configured name. */
  public static Optional<SinkName> parse(String text) {
    String wanted = text.trim();
    return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(wanted)).findFirst();
  }
}
