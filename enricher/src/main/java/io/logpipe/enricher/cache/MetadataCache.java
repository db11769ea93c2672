package io.logpipe.enricher.cache;

import io.logpipe.enricher.meta.NamespaceMeta;
import io.logpipe.enricher.meta.NodeMeta;
import io.logpipe.enricher.meta.OwnerRef;
import io.logpipe.enricher.meta.OwnerResolver;
import io.logpipe.enricher.meta.PodMeta;
import io.logpipe.schemas.StreamKey;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trimmed pods, namespaces, nodes and intermediate owners, keyed for the lookups the enricher makes. Written by
 * informer threads, read by stream threads: concurrent maps of immutable records, no locks on the read path.
 *
 * <p>Deleted pods (issue 5, "Deleted pods"): on deletion the pod's resolved view is kept as it was, and it is
 * forgotten only once no lookup has asked for it for {@code deletedGrace} — the stream has been quiet that long —
 * not a fixed time after the deletion. Their number is bounded by {@code maxDeleted}: past it, the pod quiet the
 * longest is forgotten first (counted).
 *
 * <p>A live pod's view is resolved on its first lookup and reused by later ones (a view costs four map lookups and
 * an owner walk; every event asks for one) until a namespace, node or owner changes in a way that could change it:
 * those bump a generation that every kept view is checked against. Informer updates that change nothing kept (node
 * heartbeats, ReplicaSet status) do not.
 */
public final class MetadataCache implements MetadataSource {

  private record OwnerKey(String namespace, OwnerRef owner) {}

  /** A live pod, and its view as resolved at {@code generation} (null until first looked up). */
  private record Live(PodMeta pod, PodView view, long generation) {}

  /** A deleted pod's last view and when a line last asked for it. */
  private static final class Deleted {
    final PodView view;
    volatile long lastSeenMillis;

    Deleted(PodView view, long now) {
      this.view = view;
      this.lastSeenMillis = now;
    }
  }

  private final InstantSource clock;
  private final long graceMillis;
  private final int maxDeleted;
  private final OwnerResolver owners;
  private final Map<String, Live> podsByUid = new ConcurrentHashMap<>();
  private final Map<String, Deleted> deletedByUid = new ConcurrentHashMap<>();
  private final Map<String, NamespaceMeta> namespaces = new ConcurrentHashMap<>();
  private final Map<String, NodeMeta> nodes = new ConcurrentHashMap<>();
  private final Map<OwnerKey, OwnerRef> controllers = new ConcurrentHashMap<>();
  private final AtomicLong forgottenEarly = new AtomicLong();
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean ready;

  public MetadataCache(InstantSource clock, Duration deletedGrace, int maxDeleted) {
    this.clock = clock;
    this.graceMillis = deletedGrace.toMillis();
    this.maxDeleted = maxDeleted;
    this.owners = new OwnerResolver((ns, owner) -> Optional.ofNullable(controllers.get(new OwnerKey(ns, owner))));
  }

  @Override
  public Optional<PodView> lookup(StreamKey stream) {
    Live live = podsByUid.get(stream.podUid());
    if (live != null) {
      return Optional.of(viewOf(stream.podUid(), live));
    }
    Deleted deleted = deletedByUid.get(stream.podUid());
    if (deleted == null) {
      return Optional.empty();
    }
    deleted.lastSeenMillis = clock.millis();
    return Optional.of(deleted.view);
  }

  @Override
  public boolean ready() {
    return ready;
  }

  /** A cache alone is a fixed source (filled from a file); {@link InformerMetadataSource} is the live one. */
  @Override
  public boolean live() {
    return false;
  }

  /** Called by the owner of the cache once its initial state is complete. */
  public void markReady() {
    ready = true;
  }

  public void putPod(PodMeta pod) {
    podsByUid.put(pod.uid(), new Live(pod, null, -1));
    deletedByUid.remove(pod.uid());
  }

  /** The pod is gone from the API: keep its view until its streams have been quiet for the grace time. */
  public void deletePod(String uid) {
    Live live = podsByUid.remove(uid);
    if (live == null) {
      return;
    }
    if (deletedByUid.size() >= maxDeleted) {
      evictQuiet();
      if (deletedByUid.size() >= maxDeleted) {
        forgetQuietest();
      }
    }
    deletedByUid.put(uid, new Deleted(view(live.pod()), clock.millis()));
  }

  public void putNamespace(NamespaceMeta namespace) {
    changed(namespaces.put(namespace.name(), namespace), namespace);
  }

  public void removeNamespace(String name) {
    changed(namespaces.remove(name), null);
  }

  public void putNode(NodeMeta node) {
    changed(nodes.put(node.name(), node), node);
  }

  public void removeNode(String name) {
    changed(nodes.remove(name), null);
  }

  /** Records the controller of a ReplicaSet or Job (null when it has none, e.g. a Job run by hand). */
  public void putOwner(String namespace, OwnerRef owner, OwnerRef controller) {
    if (controller == null) {
      changed(controllers.remove(new OwnerKey(namespace, owner)), null);
    } else {
      changed(controllers.put(new OwnerKey(namespace, owner), controller), controller);
    }
  }

  public void removeOwner(String namespace, OwnerRef owner) {
    changed(controllers.remove(new OwnerKey(namespace, owner)), null);
  }

  /** Forgets deleted pods whose streams have been quiet for the grace time; returns how many. */
  public int evictQuiet() {
    long cutoff = clock.millis() - graceMillis;
    int before = deletedByUid.size();
    deletedByUid.values().removeIf(d -> d.lastSeenMillis <= cutoff);
    return before - deletedByUid.size();
  }

  public int livePods() {
    return podsByUid.size();
  }

  public int deletedPods() {
    return deletedByUid.size();
  }

  /** Deleted pods forgotten before their grace time because {@code maxDeleted} was reached. */
  public long forgottenEarly() {
    return forgottenEarly.get();
  }

  private void forgetQuietest() {
    deletedByUid.entrySet().stream()
        .min((a, b) -> Long.compare(a.getValue().lastSeenMillis, b.getValue().lastSeenMillis))
        .ifPresent(e -> {
          if (deletedByUid.remove(e.getKey(), e.getValue())) {
            forgottenEarly.incrementAndGet();
          }
        });
  }

  /** The kept view of a live pod if nothing it was resolved from has changed since, else a new one, kept. */
  private PodView viewOf(String uid, Live live) {
    long now = generation.get();
    if (live.view() != null && live.generation() == now) {
      return live.view();
    }
    PodView view = view(live.pod());
    // Read the generation before resolving: a change made meanwhile leaves this view already stale, never kept
    // as current. Replaced only if the pod was not updated meanwhile.
    podsByUid.replace(uid, live, new Live(live.pod(), view, now));
    return view;
  }

  /** Invalidates every kept view when a namespace, node or owner entry really changed. */
  private void changed(Object before, Object after) {
    if (!Objects.equals(before, after)) {
      generation.incrementAndGet();
    }
  }

  private PodView view(PodMeta pod) {
    NamespaceMeta ns = namespaces.get(pod.namespace());
    NodeMeta node = pod.node() == null ? null : nodes.get(pod.node());
    return new PodView(
        pod,
        owners.topOf(pod.namespace(), pod.controller()).orElse(null),
        ns == null ? Map.of() : ns.labels(),
        node == null ? Map.of() : node.labels());
  }
}
