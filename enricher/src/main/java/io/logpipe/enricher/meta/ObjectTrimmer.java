package io.logpipe.enricher.meta;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns full Kubernetes objects into the small records the cache keeps, before they enter it (issue 5: "trim
 * objects before they enter the cache"). Every string and map that repeats across pods goes through the
 * {@link Interner}.
 */
public final class ObjectTrimmer {

  private final MetadataSelection selection;
  private final Interner interner;

  public ObjectTrimmer(MetadataSelection selection, Interner interner) {
    this.selection = selection;
    this.interner = interner;
  }

  public PodMeta pod(Pod pod) {
    ObjectMeta meta = pod.getMetadata();
    PodSpec spec = pod.getSpec();
    String podIp = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    Map<String, String> annotations = meta.getAnnotations();
    return new PodMeta(
        interner.intern(meta.getNamespace()),
        meta.getName(),
        meta.getUid(),
        spec == null ? null : interner.intern(spec.getNodeName()),
        podIp,
        controllerOf(pod).orElse(null),
        interner.intern(images(spec)),
        interner.intern(selection.podLabels().select(meta.getLabels())),
        interner.intern(selection.podAnnotations().select(annotations)),
        interner.intern(PodHints.from(annotations)));
  }

  public NamespaceMeta namespace(Namespace namespace) {
    ObjectMeta meta = namespace.getMetadata();
    return new NamespaceMeta(
        interner.intern(meta.getName()), interner.intern(selection.namespaceLabels().select(meta.getLabels())));
  }

  public NodeMeta node(Node node) {
    ObjectMeta meta = node.getMetadata();
    return new NodeMeta(
        interner.intern(meta.getName()), interner.intern(selection.nodeLabels().select(meta.getLabels())));
  }

  /**
   * The controller reference of an object (the owner reference with {@code controller: true}, else the first
   * owner), interned: every replica of a ReplicaSet shares one instance.
   */
  public Optional<OwnerRef> controllerOf(HasMetadata object) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    if (owners == null || owners.isEmpty()) {
      return Optional.empty();
    }
    OwnerReference chosen = owners.stream()
        .filter(o -> Boolean.TRUE.equals(o.getController()))
        .findFirst()
        .orElse(owners.get(0));
    if (chosen.getKind() == null || chosen.getName() == null) {
      return Optional.empty();
    }
    return Optional.of(interner.intern(
        new OwnerRef(interner.intern(chosen.getKind()), interner.intern(chosen.getName()))));
  }

  private Map<String, String> images(PodSpec spec) {
    if (spec == null) {
      return Map.of();
    }
    Map<String, String> images = new LinkedHashMap<>();
    addImages(spec.getInitContainers(), images);
    addImages(spec.getContainers(), images);
    if (spec.getEphemeralContainers() != null) {
      for (EphemeralContainer c : spec.getEphemeralContainers()) {
        putImage(c.getName(), c.getImage(), images);
      }
    }
    return Map.copyOf(images);
  }

  private void addImages(List<Container> containers, Map<String, String> images) {
    if (containers != null) {
      for (Container c : containers) {
        putImage(c.getName(), c.getImage(), images);
      }
    }
  }

  private void putImage(String container, String image, Map<String, String> images) {
    if (container != null && image != null) {
      images.put(interner.intern(container), interner.intern(image));
    }
  }
}
