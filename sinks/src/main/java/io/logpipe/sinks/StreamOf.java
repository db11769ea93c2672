package io.logpipe.sinks;

import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;

/**
 * Namespace and container of an event: from the enricher's metadata, else from the record key (every pipeline
 * topic is keyed by {@code namespace/pod/podUid/container}), else empty. Routing, S3 keys and Loki tenants all
 * ask the same question, so it is answered once here.
 */
public record StreamOf(String namespace, String container) {

  public static StreamOf of(String key, LogEvent event) {
    KubernetesMetadata k8s = event.getKubernetes();
    if (k8s != null) {
      return new StreamOf(k8s.getNamespace(), k8s.getContainer());
    }
    if (key != null) {
      try {
        StreamKey stream = StreamKey.parse(key);
        return new StreamOf(stream.namespace(), stream.container());
      } catch (IllegalArgumentException malformed) {
        // fall through: a key that is not a stream key tells nothing
      }
    }
    return new StreamOf("", "");
  }
}
