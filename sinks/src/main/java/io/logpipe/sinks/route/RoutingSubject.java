package io.logpipe.sinks.route;

import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.sinks.StreamOf;
import java.util.Map;

/**
 * The fields routing rules look at, taken once per event. Namespace and container come from the enricher's
 * metadata, or from the record key when the event was not enriched ({@link StreamOf}); severity is the enricher's
 * normalised one, empty when none was found.
 */
public record RoutingSubject(
    String namespace, String container, String severity, String message, Map<String, String> podLabels) {

  /** Builds the subject of one record; {@code key} may be null or malformed, then only metadata is used. */
  public static RoutingSubject of(String key, LogEvent event) {
    KubernetesMetadata k8s = event.getKubernetes();
    ParsedBody parsed = event.getParsed();
    String severity = parsed == null || parsed.getSeverity() == null ? "" : parsed.getSeverity();
    StreamOf stream = StreamOf.of(key, event);
    return new RoutingSubject(stream.namespace(), stream.container(), severity, event.getMessage(),
        k8s == null ? Map.of() : k8s.getPodLabels());
  }
}
