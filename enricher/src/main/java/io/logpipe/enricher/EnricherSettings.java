package io.logpipe.enricher;

import io.logpipe.enricher.body.BodyLimits;
import io.logpipe.enricher.cache.MetadataCache;
import io.logpipe.enricher.meta.Interner;
import io.logpipe.enricher.meta.MetadataSelection;
import io.logpipe.enricher.meta.ObjectTrimmer;
import io.logpipe.enricher.streams.HoldSettings;
import java.time.Duration;
import java.time.InstantSource;

/**
 * What the enrichment itself is configured with, apart from how the service reaches Kafka (see the module README).
 *
 * @param deletedGrace how long a deleted pod's stream must be quiet before its metadata is forgotten
 * @param maxDeletedPods bound on deleted pods kept at once
 * @param syncTimeout how long the service waits for the informers' first lists before it gives up (exit non-zero)
 * @param internerMax bound on the shared strings and maps of the cache
 */
public record EnricherSettings(MetadataSelection selection, HoldSettings hold, BodyLimits bodyLimits,
    Duration deletedGrace, int maxDeletedPods, Duration syncTimeout, int internerMax) {

  public static final Duration DEFAULT_DELETED_GRACE = Duration.ofMinutes(10);
  public static final int DEFAULT_MAX_DELETED_PODS = 50_000;
  public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofMinutes(2);
  public static final int DEFAULT_INTERNER_MAX = 200_000;

  public static EnricherSettings defaults() {
    return new EnricherSettings(MetadataSelection.defaults(), HoldSettings.DEFAULTS, BodyLimits.DEFAULTS,
        DEFAULT_DELETED_GRACE, DEFAULT_MAX_DELETED_PODS, DEFAULT_SYNC_TIMEOUT, DEFAULT_INTERNER_MAX);
  }

  public MetadataCache newCache(InstantSource clock) {
    return new MetadataCache(clock, deletedGrace, maxDeletedPods);
  }

  public ObjectTrimmer newTrimmer() {
    return new ObjectTrimmer(selection, new Interner(internerMax));
  }

  /** How often deleted pods are checked for quiet: a tenth of the grace time, between 1 s and 30 s. */
  public Duration evictEvery() {
    long millis = Math.max(1_000, Math.min(30_000, deletedGrace.toMillis() / 10));
    return Duration.ofMillis(millis);
  }
}
