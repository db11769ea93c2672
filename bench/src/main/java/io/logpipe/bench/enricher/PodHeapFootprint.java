package io.logpipe.bench.enricher;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.logpipe.enricher.EnricherSettings;
import io.logpipe.enricher.cache.MetadataCache;
import io.logpipe.enricher.cache.SlimItemStore;
import io.logpipe.enricher.meta.ObjectTrimmer;
import io.logpipe.enricher.meta.OwnerRef;
import io.logpipe.schemas.StreamKey;
import java.time.InstantSource;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap per pod of the enricher's metadata (issue 5: goal at most 1 KiB per pod on average): everything reachable from
 * the cache, the informer's slim pod store and the trimmer's interner, after loading 10,000 and 100,000 realistic pods
 * (with their ReplicaSets) through the same trimming as the informers, each looked up once (so the views the cache
 * keeps count). Counted with JOL's object graph walk, so shared strings and label maps count once. Run:
 * {@code java -cp "bench/target/classes:bench/target/lib/*" io.logpipe.bench.enricher.PodHeapFootprint [counts...]}.
 */
public final class PodHeapFootprint {

  public static void main(String[] args) {
    // JOL cannot take field offsets of records through Unsafe on Java 17; this makes it find them by probing.
    System.setProperty("jol.magicFieldOffset", "true");
    int[] counts = args.length == 0 ? new int[] {10_000, 100_000} : parse(args);
    for (int count : counts) {
      System.out.println(measure(count));
    }
  }

  static String measure(int count) {
    EnricherSettings settings = EnricherSettings.defaults();
    MetadataCache cache = settings.newCache(InstantSource.system());
    ObjectTrimmer trimmer = settings.newTrimmer();
    SlimItemStore<Pod> informerStore = new SlimItemStore<>(Pod::new);
    List<Pod> pods = SamplePods.generate(count, 42);
    for (Pod pod : pods) {
      informerStore.put(Cache.metaNamespaceKeyFunc(pod), pod);
      cache.putPod(trimmer.pod(pod));
      OwnerRef rs = trimmer.controllerOf(pod).orElseThrow();
      cache.putOwner(pod.getMetadata().getNamespace(), rs, new OwnerRef("Deployment",
          rs.name().substring(0, rs.name().lastIndexOf('-'))));
    }
    // Every pod looked up once, as on a running enricher, so that the views the cache keeps per pod count too.
    for (Pod pod : pods) {
      cache.lookup(new StreamKey(pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
          pod.getMetadata().getUid(), pod.getSpec().getContainers().get(0).getName())).orElseThrow();
    }
    long cacheBytes = GraphLayout.parseInstance(cache).totalSize();
    long allBytes = GraphLayout.parseInstance(cache, trimmer, informerStore).totalSize();
    return String.format("%,d pods: cache %,d B (%.0f B/pod); with informer store and interner %,d B (%.0f B/pod)",
        count, cacheBytes, (double) cacheBytes / count, allBytes, (double) allBytes / count);
  }

  private static int[] parse(String[] args) {
    int[] counts = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      counts[i] = Integer.parseInt(args[i]);
    }
    return counts;
  }

  private PodHeapFootprint() {}
}
