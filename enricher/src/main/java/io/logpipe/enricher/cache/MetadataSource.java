package io.logpipe.enricher.cache;

import io.logpipe.schemas.StreamKey;
import java.util.Optional;

/**
 * Where the enricher finds pod metadata. The live implementation is fed by shared informers
 * ({@link InformerMetadataSource}); {@link #none()} serves local mode, where only the path is known; a
 * {@link MetadataCache} filled from a YAML file serves the offline {@code enrich} tool.
 */
public interface MetadataSource extends AutoCloseable {

  /** The pod of a container stream, looked up by its UID; empty when not known (yet). Never blocks. */
  Optional<PodView> lookup(StreamKey stream);

  /**
   * True once the source has its complete initial state (informers synced). Until then a miss means "not loaded
   * yet", never "unknown pod", so no event is passed on with missing metadata.
   */
  boolean ready();

  /**
   * True when a pod unknown now may become known later (a watched API), so a miss is worth holding for; false for a
   * fixed source (local mode, a YAML file), where a miss is final and events go on at once.
   */
  default boolean live() {
    return true;
  }

  /**
   * False for a source that never knows any pod (no API at all): its events carry path metadata without the
   * {@code metadata_missing} flag, since nothing that could have been known is missing.
   */
  default boolean knowsPods() {
    return true;
  }

  @Override
  default void close() {}

  /** A source that knows no pod and is always ready: events go on with what their path tells. */
  static MetadataSource none() {
    return new MetadataSource() {
      @Override
      public Optional<PodView> lookup(StreamKey stream) {
        return Optional.empty();
      }

      @Override
      public boolean ready() {
        return true;
      }

      @Override
      public boolean live() {
        return false;
      }

      @Override
      public boolean knowsPods() {
        return false;
      }
    };
  }
}
