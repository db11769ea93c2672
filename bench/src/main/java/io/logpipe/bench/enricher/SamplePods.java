package io.logpipe.bench.enricher;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic cluster's pods: Deployments of 1 to 20 replicas across 50 namespaces and 200 nodes, each pod with the
 * usual labels (the recommended {@code app.kubernetes.io/*} set, {@code pod-template-hash}, a few team labels) and
 * annotations (checksums, Prometheus scraping, a restartedAt), one or two containers, and a sidecar on a third.
 */
final class SamplePods {

  private SamplePods() {}

  static List<Pod> generate(int count, long seed) {
    Random random = new Random(seed);
    List<Pod> pods = new ArrayList<>(count);
    int deployment = 0;
    while (pods.size() < count) {
      String ns = "team-" + (deployment % 50);
      String app = "svc-" + deployment;
      String hash = Long.toHexString(random.nextLong() & 0xffffffffffL);
      int replicas = 1 + random.nextInt(20);
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("app", app);
      labels.put("app.kubernetes.io/name", app);
      labels.put("app.kubernetes.io/instance", app + "-prod");
      labels.put("app.kubernetes.io/version", "1." + random.nextInt(40) + "." + random.nextInt(10));
      labels.put("app.kubernetes.io/part-of", "platform");
      labels.put("app.kubernetes.io/managed-by", "Helm");
      labels.put("helm.sh/chart", app + "-0.1." + random.nextInt(9));
      labels.put("pod-template-hash", hash);
      labels.put("team", "team-" + (deployment % 50));
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put("checksum/config", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
      annotations.put("prometheus.io/scrape", "true");
      annotations.put("prometheus.io/port", "9090");
      annotations.put("kubectl.kubernetes.io/restartedAt", "2026-01-0" + (1 + random.nextInt(9)) + "T10:00:00Z");
      boolean sidecar = deployment % 3 == 0;
      for (int r = 0; r < replicas && pods.size() < count; r++) {
        String name = app + "-" + hash + "-" + Long.toString(random.nextLong() & 0x1ffffffL, 36);
        PodBuilder b = new PodBuilder()
            .withNewMetadata().withNamespace(ns).withName(name).withUid(UUID.randomUUID().toString())
            .withResourceVersion(Long.toString(1_000_000 + pods.size()))
            .withLabels(labels).withAnnotations(annotations)
            .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(app + "-" + hash)
            .withUid(UUID.randomUUID().toString()).withController(true).endOwnerReference()
            .endMetadata()
            .withNewSpec().withNodeName("node-" + random.nextInt(200) + ".eu-west-1.compute.internal")
            .addNewContainer().withName("app").withImage("registry.example.com/platform/" + app + ":1.4.2")
            .endContainer()
            .endSpec()
            .withNewStatus().withPodIP("10." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(256)).endStatus();
        if (sidecar) {
          b.editSpec().addNewContainer().withName("envoy").withImage("envoyproxy/envoy:v1.31.0").endContainer()
              .endSpec();
        }
        pods.add(b.build());
      }
      deployment++;
    }
    return pods;
  }
}
