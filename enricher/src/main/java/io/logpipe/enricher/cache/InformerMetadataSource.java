package io.logpipe.enricher.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.logpipe.enricher.meta.ObjectTrimmer;
import io.logpipe.enricher.meta.OwnerRef;
import io.logpipe.schemas.StreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps a {@link MetadataCache} current from fabric8 shared informers (list once, then watch; never a request per
 * line) on exactly the kinds the enricher reads: Pods, Namespaces, Nodes, and the ReplicaSets and Jobs whose owner
 * references name the Deployment or CronJob. The top owners themselves (Deployments, CronJobs, StatefulSets,
 * DaemonSets) are named by those references and need no watch of their own.
 *
 * <p>Objects are trimmed before they enter the cache, and the informers' own stores keep only keys and
 * resourceVersions ({@link SlimItemStore}). Ready once every informer has synced its initial list.
 */
public final class InformerMetadataSource implements MetadataSource {

  private final MetadataCache cache;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private final CompletableFuture<Void> synced;
  private final ScheduledExecutorService evictor;

  private InformerMetadataSource(KubernetesClient client, MetadataCache cache, ObjectTrimmer trimmer,
      Duration evictEvery) {
    this.cache = cache;
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    starts.add(watch(client.pods().inAnyNamespace().runnableInformer(0), new SlimItemStore<>(Pod::new),
        pod -> cache.putPod(trimmer.pod(pod)), pod -> cache.deletePod(pod.getMetadata().getUid())));
    starts.add(watch(client.namespaces().runnableInformer(0), new SlimItemStore<>(Namespace::new),
        ns -> cache.putNamespace(trimmer.namespace(ns)), ns -> cache.removeNamespace(ns.getMetadata().getName())));
    starts.add(watch(client.nodes().runnableInformer(0), new SlimItemStore<>(Node::new),
        node -> cache.putNode(trimmer.node(node)), node -> cache.removeNode(node.getMetadata().getName())));
    starts.add(watch(client.apps().replicaSets().inAnyNamespace().runnableInformer(0),
        new SlimItemStore<>(ReplicaSet::new), rs -> putOwner(OwnerRef.REPLICA_SET, rs, trimmer),
        rs -> removeOwner(OwnerRef.REPLICA_SET, rs)));
    starts.add(watch(client.batch().v1().jobs().inAnyNamespace().runnableInformer(0),
        new SlimItemStore<>(Job::new), job -> putOwner(OwnerRef.JOB, job, trimmer),
        job -> removeOwner(OwnerRef.JOB, job)));
    this.synced = CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
        .thenRun(cache::markReady);
    this.evictor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "enricher-deleted-pod-evictor");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(1, evictEvery.toMillis());
    evictor.scheduleAtFixedRate(cache::evictQuiet, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts the informers; they fill {@code cache} in the background. {@code evictEvery} is how often deleted pods
   * quiet for their grace time are forgotten.
   */
  public static InformerMetadataSource start(KubernetesClient client, MetadataCache cache, ObjectTrimmer trimmer,
      Duration evictEvery) {
    return new InformerMetadataSource(client, cache, trimmer, evictEvery);
  }

  /** Completes when every informer has listed its kind once; completes exceptionally if one cannot start. */
  public CompletableFuture<Void> synced() {
    return synced;
  }

  @Override
  public Optional<PodView> lookup(StreamKey stream) {
    return cache.lookup(stream);
  }

  @Override
  public boolean ready() {
    return cache.ready();
  }

  public MetadataCache cache() {
    return cache;
  }

  @Override
  public void close() {
    evictor.shutdownNow();
    informers.forEach(SharedIndexInformer::stop);
  }

  private void putOwner(String kind, HasMetadata owner, ObjectTrimmer trimmer) {
    cache.putOwner(owner.getMetadata().getNamespace(), new OwnerRef(kind, owner.getMetadata().getName()),
        trimmer.controllerOf(owner).orElse(null));
  }

  private void removeOwner(String kind, HasMetadata owner) {
    cache.removeOwner(owner.getMetadata().getNamespace(), new OwnerRef(kind, owner.getMetadata().getName()));
  }

  private <T extends HasMetadata> CompletableFuture<Void> watch(SharedIndexInformer<T> informer,
      ItemStore<T> store, Consumer<T> upsert, Consumer<T> delete) {
    informer.itemStore(store);
    informer.removeNamespaceIndex();
    informer.exceptionHandler(new InformerRetry());
    informer.addEventHandler(new ResourceEventHandler<T>() {
      @Override
      public void onAdd(T obj) {
        upsert.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        upsert.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        delete.accept(obj);
      }
    });
    informers.add(informer);
    return informer.start().toCompletableFuture();
  }
}
