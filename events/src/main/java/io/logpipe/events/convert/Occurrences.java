package io.logpipe.events.convert;

import io.fabric8.kubernetes.api.model.events.v1.Event;

/** How many times an Event has occurred so far, by the API's own count. */
public final class Occurrences {

  private Occurrences() {}

  /**
   * {@code series.count} when the Event is a series (events.k8s.io/v1), else {@code deprecatedCount} (core/v1
   * writers), else 1: an Event without either is a singleton, which the API server stores with no count at all.
   */
  public static long countOf(Event event) {
    if (event.getSeries() != null && event.getSeries().getCount() != null && event.getSeries().getCount() > 0) {
      return event.getSeries().getCount();
    }
    Integer deprecated = event.getDeprecatedCount();
    return deprecated != null && deprecated > 0 ? deprecated : 1;
  }
}
