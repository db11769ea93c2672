package io.logpipe.enricher.serde;

import io.logpipe.schemas.KubernetesMetadata;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Avro binary encoding of {@link KubernetesMetadata} values, kept per pod and container, so that the label maps
 * every event of a pod carries are encoded once per pod rather than once per event (issue 5, "Benchmark": writing
 * those maps was most of the enricher's cost).
 *
 * <p>An entry is reused only for a value with equal strings and the very same map instances, and only maps of the
 * JDK's immutable classes ({@code Map.of}, {@code Map.copyOf}: what the metadata cache holds) are ever kept, so a
 * reused encoding cannot differ from a fresh one: a relabelled pod gets new maps, misses, and is encoded again. Any
 * other value (a decoded event's mutable maps) is simply not cached.
 *
 * <p>Bounded and lock-free: a direct-mapped table of immutable entries, where a colliding pod replaces the entry.
 * Entries have only final fields, so a racy read by another stream thread sees a whole entry or the previous one.
 */
final class EncodedMetadata {

  /** 4,096 entries of a few hundred bytes each: about 2 MB, whatever the number of pods. */
  static final int SLOTS = 4096;

  private static final Set<Class<?>> IMMUTABLE_MAPS = Set.of(Map.of().getClass(), Map.of("k", "v").getClass(),
      Collections.emptyMap().getClass());

  private record Entry(String namespace, String pod, String podUid, String container, String containerImage,
      String node, String podIp, String ownerKind, String ownerName, Map<String, String> podLabels,
      Map<String, String> podAnnotations, Map<String, String> namespaceLabels, Map<String, String> nodeLabels,
      byte[] bytes) {

    boolean encodes(KubernetesMetadata k) {
      return podLabels == k.getPodLabels() && podAnnotations == k.getPodAnnotations()
          && namespaceLabels == k.getNamespaceLabels() && nodeLabels == k.getNodeLabels()
          && podUid.equals(k.getPodUid()) && container.equals(k.getContainer())
          && namespace.equals(k.getNamespace()) && pod.equals(k.getPod())
          && Objects.equals(containerImage, k.getContainerImage()) && Objects.equals(node, k.getNode())
          && Objects.equals(podIp, k.getPodIp()) && Objects.equals(ownerKind, k.getOwnerKind())
          && Objects.equals(ownerName, k.getOwnerName());
    }
  }

  private final Entry[] table = new Entry[SLOTS];

  /** The kept encoding of {@code metadata}, or null when there is none (then encode it and {@link #keep} it). */
  byte[] find(KubernetesMetadata metadata) {
    Entry entry = table[slot(metadata)];
    return entry != null && entry.encodes(metadata) ? entry.bytes() : null;
  }

  /** Keeps {@code bytes} as the encoding of {@code metadata}, unless one of its maps could still change. */
  void keep(KubernetesMetadata metadata, byte[] bytes) {
    if (!immutable(metadata.getPodLabels()) || !immutable(metadata.getPodAnnotations())
        || !immutable(metadata.getNamespaceLabels()) || !immutable(metadata.getNodeLabels())) {
      return;
    }
    table[slot(metadata)] = new Entry(metadata.getNamespace(), metadata.getPod(), metadata.getPodUid(),
        metadata.getContainer(), metadata.getContainerImage(), metadata.getNode(), metadata.getPodIp(),
        metadata.getOwnerKind(), metadata.getOwnerName(), metadata.getPodLabels(), metadata.getPodAnnotations(),
        metadata.getNamespaceLabels(), metadata.getNodeLabels(), bytes);
  }

  private static boolean immutable(Map<String, String> map) {
    return map != null && IMMUTABLE_MAPS.contains(map.getClass());
  }

  private static int slot(KubernetesMetadata metadata) {
    int hash = Objects.hashCode(metadata.getPodUid()) * 31 + Objects.hashCode(metadata.getContainer());
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
