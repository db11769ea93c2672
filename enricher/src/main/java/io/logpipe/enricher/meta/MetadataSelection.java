package io.logpipe.enricher.meta;

import java.util.List;
import java.util.Objects;

/**
 * Which labels and annotations are copied onto events. Defaults (issue 5): pod and namespace labels keep the
 * common {@code app.kubernetes.io/*} and {@code app}; no annotations are copied (hints are read regardless); node
 * labels keep topology and machine shape, which is what users filter node-level problems by.
 */
public record MetadataSelection(
    KeySelector podLabels, KeySelector podAnnotations, KeySelector namespaceLabels, KeySelector nodeLabels) {

  public static final List<String> DEFAULT_LABELS = List.of("app.kubernetes.io/*", "app");
  public static final List<String> DEFAULT_NODE_LABELS = List.of(
      "topology.kubernetes.io/region",
      "topology.kubernetes.io/zone",
      "node.kubernetes.io/instance-type",
      "kubernetes.io/arch",
      "kubernetes.io/os");

  public MetadataSelection {
    Objects.requireNonNull(podLabels, "podLabels");
    Objects.requireNonNull(podAnnotations, "podAnnotations");
    Objects.requireNonNull(namespaceLabels, "namespaceLabels");
    Objects.requireNonNull(nodeLabels, "nodeLabels");
  }

  public static MetadataSelection defaults() {
    return new MetadataSelection(
        KeySelector.of(DEFAULT_LABELS, List.of()),
        KeySelector.none(),
        KeySelector.of(DEFAULT_LABELS, List.of()),
        KeySelector.of(DEFAULT_NODE_LABELS, List.of()));
  }
}
