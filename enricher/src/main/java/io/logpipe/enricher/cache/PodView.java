package io.logpipe.enricher.cache;

import io.logpipe.enricher.meta.OwnerRef;
import io.logpipe.enricher.meta.PodMeta;
import java.util.Map;
import java.util.Objects;

/**
 * Everything known about one pod at lookup time: the pod itself, its top workload, and the labels of its namespace
 * and node.
 *
 * @param owner the top workload (Deployment, CronJob, …), null for a bare pod
 */
public record PodView(PodMeta pod, OwnerRef owner, Map<String, String> namespaceLabels,
    Map<String, String> nodeLabels) {

  public PodView {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(namespaceLabels, "namespaceLabels");
    Objects.requireNonNull(nodeLabels, "nodeLabels");
  }
}
