package io.logpipe.acceptance;

import io.logpipe.acceptance.Backends.Backend;
import io.logpipe.acceptance.Workloads.PodSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each backend must hold: the events the router's rules send there ({@link Pipeline}: all to S3, some
 * namespaces and every JSON error to OpenSearch and Loki), and the metadata each shows of an event: the document
 * fields of S3 and OpenSearch (owner workload included), the labels and structured metadata of Loki.
 */
final class Expectations {

  private Expectations() {}

  /** Each backend's check: the events routed to it (see {@link Pipeline}), the metadata it shows. */
  static Map<Backend, BackendCheck> perBackend(PodLogTree tree) {
    List<ExpectedEvent> all = tree.expected();
    Set<String> secrets = all.stream().flatMap(e -> e.secrets().stream()).map(ExpectedEvent.Secret::value)
        .collect(Collectors.toSet());
    Function<ExpectedEvent, Map<String, String>> documents = e -> {
      PodSpec pod = tree.podOf(e.key());
      return Map.of("namespace", e.key().namespace(), "pod", e.key().pod(), "pod_uid", e.key().podUid(),
          "container", e.key().container(), "node", Workloads.NODE, "owner_kind", pod.owner().workloadKind(),
          "owner_name", pod.owner().workloadName(), "zone", Workloads.ZONE, "source_node", Workloads.NODE);
    };
    Function<ExpectedEvent, Map<String, String>> loki = e -> Map.of("namespace", e.key().namespace(),
        "container", e.key().container(), "stream", e.runtimeStream(), "app", tree.podOf(e.key()).lokiApp(),
        "pod", e.key().pod(), "pod_uid", e.key().podUid(), "node", Workloads.NODE);
    Map<Backend, BackendCheck> checks = new EnumMap<>(Backend.class);
    checks.put(Backend.S3, new BackendCheck("s3", all, documents, secrets));
    checks.put(Backend.OPENSEARCH, new BackendCheck("opensearch", all.stream()
        .filter(e -> Pipeline.OPENSEARCH_NAMESPACES.contains(e.key().namespace()) || e.errorJson()).toList(),
        documents, secrets));
    checks.put(Backend.LOKI, new BackendCheck("loki", all.stream()
        .filter(e -> Pipeline.LOKI_NAMESPACES.contains(e.key().namespace()) || e.errorJson()).toList(),
        loki, secrets));
    return checks;
  }
}
