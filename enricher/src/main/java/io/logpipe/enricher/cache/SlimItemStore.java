package io.logpipe.enricher.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The informer's own store, reduced to what the informer needs for its bookkeeping (the key, UID and
 * resourceVersion of each object) so that full objects are never held: the trimmed copy in {@link MetadataCache} is
 * the only one (issue 5, "trim objects before they enter the cache"). Objects read back from it are shells with just
 * that metadata, which is all an update or relist-delete notification needs here. Public for the heap benchmark,
 * which counts it with the cache.
 */
public final class SlimItemStore<T extends HasMetadata> implements ItemStore<T> {

  private record Slim(String uid, String resourceVersion) {}

  private final Supplier<T> factory;
  private final Map<String, Slim> items = new ConcurrentHashMap<>();

  public SlimItemStore(Supplier<T> factory) {
    this.factory = factory;
  }

  @Override
  public String getKey(T object) {
    return Cache.metaNamespaceKeyFunc(object);
  }

  @Override
  public T put(String key, T object) {
    ObjectMeta meta = object.getMetadata();
    return shell(key, items.put(key, new Slim(meta.getUid(), meta.getResourceVersion())));
  }

  @Override
  public T remove(String key) {
    return shell(key, items.remove(key));
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public Stream<T> values() {
    return items.entrySet().stream().map(e -> shell(e.getKey(), e.getValue()));
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public T get(String key) {
    return shell(key, items.get(key));
  }

  @Override
  public boolean isFullState() {
    return false;
  }

  private T shell(String key, Slim slim) {
    if (slim == null) {
      return null;
    }
    int slash = key.indexOf('/');
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(slash < 0 ? null : key.substring(0, slash));
    meta.setName(slash < 0 ? key : key.substring(slash + 1));
    meta.setUid(slim.uid());
    meta.setResourceVersion(slim.resourceVersion());
    T shell = factory.get();
    shell.setMetadata(meta);
    return shell;
  }
}
