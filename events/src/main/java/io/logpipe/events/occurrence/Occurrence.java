package io.logpipe.events.occurrence;

import java.util.Objects;

/**
 * Occurrences {@code first..last} (1-based, inclusive) of one Kubernetes Event, emitted as one record: an Event's
 * occurrences are numbered by its series count ({@code events.k8s.io/v1} {@code series.count}) or, for events written
 * through the core API, its {@code deprecatedCount}. When the collector sees a count jump by more than one (the
 * event recorder aggregates repeats and updates the series at most every few minutes), the record stands for every
 * occurrence since the last one emitted, never for one already emitted.
 *
 * @param eventUid        {@code metadata.uid} of the Event: with the number, the identity of an occurrence
 * @param first           the first occurrence number this record covers, at least 1
 * @param last            the latest occurrence number, the Event's current count
 * @param resourceVersion the Event's {@code metadata.resourceVersion} when it was converted (diagnostics only)
 */
public record Occurrence(String eventUid, long first, long last, String resourceVersion) {

  public Occurrence {
    Objects.requireNonNull(eventUid, "eventUid");
    if (first < 1 || last < first) {
      throw new IllegalArgumentException("occurrences " + first + ".." + last + " of " + eventUid);
    }
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
  }

  /** How many occurrences the record stands for. */
  public long count() {
    return last - first + 1;
  }
}
