package io.logpipe.events.convert;

import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventSeries;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When the latest occurrence of an Event happened, and the timestamp exactly as the API server gave it.
 *
 * <p>In {@code events.k8s.io/v1} ({@code k8s.io/api/events/v1/types.go}) {@code eventTime} is the time of the FIRST
 * occurrence and {@code series.lastObservedTime} the time of the last; Events written through the core API carry
 * {@code deprecatedFirstTimestamp}/{@code deprecatedLastTimestamp} with {@code deprecatedCount} instead. A record
 * emitted for a repeat must carry the repeat's time, so the order is: {@code series.lastObservedTime}, then (for a
 * repeated core Event) {@code deprecatedLastTimestamp}, then {@code eventTime}, {@code deprecatedLastTimestamp},
 * {@code deprecatedFirstTimestamp}, {@code metadata.creationTimestamp}; the first that parses wins. With none, the
 * collector's clock ({@code text} null).
 */
public record EventTime(Instant instant, String text) {

  public static EventTime of(Event event, Instant fallback) {
    List<String> candidates = new ArrayList<>();
    EventSeries series = event.getSeries();
    if (series != null) {
      candidates.add(micro(series.getLastObservedTime()));
    }
    if (event.getDeprecatedCount() != null && event.getDeprecatedCount() > 1) {
      candidates.add(event.getDeprecatedLastTimestamp());
    }
    candidates.add(micro(event.getEventTime()));
    candidates.add(event.getDeprecatedLastTimestamp());
    candidates.add(event.getDeprecatedFirstTimestamp());
    ObjectMeta meta = event.getMetadata();
    candidates.add(meta == null ? null : meta.getCreationTimestamp());
    for (String text : candidates) {
      Optional<Instant> parsed = parse(text);
      if (parsed.isPresent()) {
        return new EventTime(parsed.get(), text);
      }
    }
    return new EventTime(fallback, null);
  }

  /** Nanoseconds since the epoch, as {@code LogEvent.timeUnixNano}. */
  public long unixNano() {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /** RFC 3339 with any precision and offset ({@code metav1.MicroTime}, {@code metav1.Time}). */
  static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String micro(MicroTime time) {
    return time == null ? null : time.getTime();
  }
}
