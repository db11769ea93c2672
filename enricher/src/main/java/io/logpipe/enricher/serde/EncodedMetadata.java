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
 * <p>Bounded and lock-free: a two-way set-associative table of immutable entries (a value is kept in one of two
 * neighbouring slots; a third colliding pod replaces the first). Entries have only final fields, so a racy read by
 * another stream thread sees a whole entry or the previous one.
 */
final class EncodedMetadata {

  /**
   * At most 16,384 pod containers, each about 600 bytes (the encoding, some 450 bytes with six labels, and the
   * entry): about 10 MB whatever the number of pods; 1,000 pods fill 6% of it, so two-way collisions are rare.
   */
  static final int SLOTS = 16_384;

  /**
   * Larger encodings are not kept (written each time instead), so that selected annotations of unbounded size
   * (up to 256 KiB per object in Kubernetes) cannot make the table hold more than 16,384 x 2 KiB = 32 MiB.
   */
  static final int MAX_KEPT_BYTES = 2048;

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
    int slot = slot(metadata);
    Entry entry = table[slot];
    if (entry != null && entry.encodes(metadata)) {
      return entry.bytes();
    }
    entry = table[slot ^ 1];
    return entry != null && entry.encodes(metadata) ? entry.bytes() : null;
  }

  /** Keeps {@code bytes} as the encoding of {@code metadata}, unless too large or a map of it could still change. */
  void keep(KubernetesMetadata metadata, byte[] bytes) {
    if (bytes.length > MAX_KEPT_BYTES || !immutable(metadata.getPodLabels()) || !immutable(metadata.getPodAnnotations())
        || !immutable(metadata.getNamespaceLabels()) || !immutable(metadata.getNodeLabels())) {
      return;
    }
    int slot = slot(metadata);
    Entry first = table[slot];
    if (first != null && !sameStream(first, metadata)) {
      Entry second = table[slot ^ 1];
      slot = second == null || sameStream(second, metadata) ? slot ^ 1 : slot;
    }
    table[slot] = new Entry(metadata.getNamespace(), metadata.getPod(), metadata.getPodUid(),
        metadata.getContainer(), metadata.getContainerImage(), metadata.getNode(), metadata.getPodIp(),
        metadata.getOwnerKind(), metadata.getOwnerName(), metadata.getPodLabels(), metadata.getPodAnnotations(),
        metadata.getNamespaceLabels(), metadata.getNodeLabels(), bytes);
  }

  private static boolean sameStream(Entry entry, KubernetesMetadata metadata) {
    return entry.podUid().equals(metadata.getPodUid()) && entry.container().equals(metadata.getContainer());
  }

  private static boolean immutable(Map<String, String> map) {
    return map != null && IMMUTABLE_MAPS.contains(map.getClass());
  }

  static int slot(KubernetesMetadata metadata) {
    int hash = Objects.hashCode(metadata.getPodUid()) * 31 + Objects.hashCode(metadata.getContainer());
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
