package io.logpipe.enricher.testing;

import io.logpipe.enricher.cache.MetadataSource;
import io.logpipe.enricher.cache.PodView;
import io.logpipe.schemas.StreamKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A live metadata source the test fills by hand. */
public final class FakeSource implements MetadataSource {

  private final Map<String, PodView> byUid = new ConcurrentHashMap<>();
  private volatile boolean ready = true;

  public void put(PodView view) {
    byUid.put(view.pod().uid(), view);
  }

  public void setReady(boolean ready) {
    this.ready = ready;
  }

  @Override
  public Optional<PodView> lookup(StreamKey stream) {
    return Optional.ofNullable(byUid.get(stream.podUid()));
  }

  @Override
  public boolean ready() {
    return ready;
  }
}
