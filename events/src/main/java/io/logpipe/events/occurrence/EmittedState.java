package io.logpipe.events.occurrence;

/**
 * What the collector has emitted of one Event, as remembered in the compacted state topic (key: the Event's uid):
 * the last occurrence number emitted and the Event's {@code resourceVersion} at that time.
 */
public record EmittedState(long count, String resourceVersion) {

  public EmittedState {
    if (count < 1) {
      throw new IllegalArgumentException("emitted count must be at least 1, was " + count);
    }
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
  }

  /** The state after emitting {@code occurrence}. */
  public static EmittedState after(Occurrence occurrence) {
    return new EmittedState(occurrence.last(), occurrence.resourceVersion());
  }
}
