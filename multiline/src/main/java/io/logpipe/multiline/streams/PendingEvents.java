package io.logpipe.multiline.streams;

import io.logpipe.multiline.MultilineSettings;
import io.logpipe.multiline.assemble.AssemblerStateCodec;
import io.logpipe.multiline.assemble.AssemblyMetrics;
import io.logpipe.multiline.assemble.ContainerAssembler;
import io.logpipe.schemas.StreamKey;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The assemblers of the container streams one task owns, backed by the changelogged store: the store holds exactly
 * the streams with something pending (so a restarted instance resumes them), and a bounded in-memory cache saves
 * decoding on every record. The cache belongs to one processor instance and is dropped whenever Streams
 * (re)initialises it, so it never outlives a state-store restore.
 */
final class PendingEvents {

  static final int MAX_CACHED = 10_000;

  private final KeyValueStore<String, byte[]> store;
  private final MultilineSettings settings;
  private final AssemblyMetrics metrics;
  // value null-free: an empty assembler means "nothing in the store for this key".
  private final Map<String, ContainerAssembler> cache = new HashMap<>();

  PendingEvents(KeyValueStore<String, byte[]> store, MultilineSettings settings, AssemblyMetrics metrics) {
    this.store = store;
    this.settings = settings;
    this.metrics = metrics;
  }

  /**
   * The assembler of {@code key}. State read back from the store (after a restart or a cache eviction) restarts its
   * quiet-time clock at {@code nowMillis}: the time the process was down is not quiet time of the container.
   */
  ContainerAssembler get(String key, long nowMillis) {
    ContainerAssembler a = cache.get(key);
    if (a == null) {
      byte[] saved = store.get(key);
      if (saved == null) {
        a = fresh(key);
      } else {
        a = AssemblerStateCodec.decode(saved, fresh(key));
        a.resumedAt(nowMillis);
      }
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(key, a);
    }
    return a;
  }

  /** Writes the assembler's state back after a change: deleted when nothing is pending. */
  void save(String key, ContainerAssembler a, boolean wasEmpty) {
    if (a.isEmpty()) {
      if (!wasEmpty) {
        store.delete(key);
      }
    } else {
      store.put(key, AssemblerStateCodec.encode(a));
    }
  }

  ContainerAssembler fresh(String key) {
    StreamKey k = parse(key);
    return new ContainerAssembler(settings.format(), settings.limits(), () -> k == null
        ? settings.detectors().forStream(null, null, null)
        : settings.detectors().forStream(k.namespace(), k.pod(), k.container()), metrics);
  }

  KeyValueStore<String, byte[]> store() {
    return store;
  }

  private static StreamKey parse(String key) {
    try {
      return key == null ? null : StreamKey.parse(key);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
