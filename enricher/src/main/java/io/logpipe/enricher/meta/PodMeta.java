package io.logpipe.enricher.meta;

import java.util.Map;
import java.util.Objects;

/**
 * The part of a Pod the enricher keeps: a few strings and shared (interned) maps, so that the cache stays under
 * 1 KiB of heap per pod on average (issue 5). Built by {@link ObjectTrimmer}; the full object is never cached.
 *
 * @param controller the pod's controller reference as written on the pod (e.g. its ReplicaSet), null for a bare pod
 * @param containerImages image by container name, init and ephemeral containers included
 * @param labels selected pod labels
 * @param annotations selected pod annotations
 * @param hints the {@code logpipe.io/*} annotations, read before selection
 */
public record PodMeta(
    String namespace,
    String name,
    String uid,
    String node,
    String podIp,
    OwnerRef controller,
    Map<String, String> containerImages,
    Map<String, String> labels,
    Map<String, String> annotations,
    PodHints hints) {

  public PodMeta {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(containerImages, "containerImages");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(hints, "hints");
  }
}
