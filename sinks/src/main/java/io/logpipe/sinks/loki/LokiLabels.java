package io.logpipe.sinks.loki;

import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.sinks.StreamOf;
import io.logpipe.sinks.worker.SinkRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A record's stream labels (few, bounded by the {@link CardinalityGuard}) and its structured metadata (the
 * high-cardinality fields Loki should not index as labels: pod, pod uid, node, trace and span ids).
 */
final class LokiLabels {

  static final List<String> KNOWN = List.of("namespace", "app", "container", "stream", "pod", "node", "severity");

  private LokiLabels() {}

  /** The configured labels that have a value, sorted by name as Loki orders them. */
  static Map<String, String> labels(SinkRecord record, List<String> names) {
    Map<String, String> labels = new TreeMap<>();
    for (String name : names) {
      String value = value(record, name);
      if (value != null && !value.isEmpty()) {
        labels.put(name, value);
      }
    }
    return labels;
  }

  static String value(SinkRecord record, String name) {
    LogEvent event = record.event();
    KubernetesMetadata k8s = event.getKubernetes();
    return switch (name) {
      case "namespace" -> StreamOf.of(record.key(), event).namespace();
      case "container" -> StreamOf.of(record.key(), event).container();
      case "stream" -> event.getStream();
      case "app" -> k8s == null ? null : app(k8s);
      case "pod" -> k8s == null ? null : k8s.getPod();
      case "node" -> k8s != null && k8s.getNode() != null ? k8s.getNode() : event.getSource().getNode();
      case "severity" -> event.getParsed() == null ? null : event.getParsed().getSeverity();
      default -> null;
    };
  }

  /** {@code app.kubernetes.io/name}, else {@code app}, else the owning workload's name. */
  private static String app(KubernetesMetadata k8s) {
    Map<String, String> labels = k8s.getPodLabels();
    String app = labels.getOrDefault("app.kubernetes.io/name", labels.get("app"));
    return app != null ? app : k8s.getOwnerName();
  }

  /** High-cardinality fields as structured metadata, sorted by name; absent ones left out. */
  static Map<String, String> structuredMetadata(SinkRecord record) {
    LogEvent event = record.event();
    Map<String, String> metadata = new TreeMap<>();
    KubernetesMetadata k8s = event.getKubernetes();
    if (k8s != null) {
      metadata.put("pod", k8s.getPod());
      metadata.put("pod_uid", k8s.getPodUid());
    }
    putIfPresent(metadata, "node", value(record, "node"));
    if (event.getParsed() != null) {
      putIfPresent(metadata, "trace_id", event.getParsed().getTraceId());
      putIfPresent(metadata, "span_id", event.getParsed().getSpanId());
    }
    return metadata;
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }

  /** Loki's label string: {@code {a="x", b="y"}} with {@code \} and {@code "} escaped. */
  static String render(Map<String, String> labels) {
    StringBuilder text = new StringBuilder("{");
    labels.forEach((name, value) -> {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(name).append("=\"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")
          .replace("\n", "\\n")).append('"');
    });
    return text.append('}').toString();
  }
}
