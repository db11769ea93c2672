package io.logpipe.sinks.route;

import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.StreamKey;
import java.util.Map;

/**
 * The fields routing rules look at, taken once per event. Namespace and container come from the enricher's
 * metadata, or from the record key when the event was not enriched (the key is the stream, so both are always
 * known); severity is the enricher's normalised one, empty when none was found.
 */
public record RoutingSubject(
    String namespace, String container, String severity, String message, Map<String, String> podLabels) {

  /** Builds the subject of one record; {@code key} may be null or malformed, then only metadata is used. */
  public static RoutingSubject of(String key, LogEvent event) {
    KubernetesMetadata k8s = event.getKubernetes();
    ParsedBody parsed = event.getParsed();
    String severity = parsed == null || parsed.getSeverity() == null ? "" : parsed.getSeverity();
    if (k8s != null) {
      return new RoutingSubject(k8s.getNamespace(), k8s.getContainer(), severity, event.getMessage(),
          k8s.getPodLabels());
    }
    StreamKey stream = parseKey(key);
    return new RoutingSubject(stream == null ? "" : stream.namespace(), stream == null ? "" : stream.container(),
        severity, event.getMessage(), Map.of());
  }

  private static StreamKey parseKey(String key) {
    if (key == null) {
      return null;
    }
    try {
      return StreamKey.parse(key);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
