package io.logpipe.acceptance;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.logpipe.acceptance.Workloads.Owner;
import io.logpipe.acceptance.Workloads.PodSpec;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * fabric8's mock API server in CRUD mode (plain HTTP on loopback) holding what the enricher watches: namespaces, the
 * node, the ReplicaSets and Jobs that own pods (themselves owned by Deployments and CronJobs, which the enricher
 * never reads: their names come from the owner references), and the pods, with the UIDs that name their log
 * directories.
 */
final class MockCluster implements AutoCloseable {

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private MockCluster(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  static MockCluster start() {
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    return new MockCluster(server);
  }

  URI url() {
    return URI.create(server.url("/")).resolve("/");
  }

  /** Creates the namespaces, the node, the owners and the pods; returns each pod's UID by pod name. */
  Map<String, String> create(List<PodSpec> pods) {
    for (String ns : Workloads.NAMESPACES) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
          .withLabels(Map.of("team", "team-" + ns)).endMetadata().build()).create();
    }
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName(Workloads.NODE)
        .withLabels(Map.of("topology.kubernetes.io/zone", Workloads.ZONE, "kubernetes.io/os", "linux"))
        .endMetadata().build()).create();
    Map<String, String> uids = new HashMap<>();
    for (PodSpec pod : pods) {
      createOwner(pod);
      uids.put(pod.name(), createPod(pod).getMetadata().getUid());
    }
    return uids;
  }

  private void createOwner(PodSpec pod) {
    Owner owner = pod.owner();
    OwnerReference workload = controller(owner.workloadKind().equals("CronJob") ? "batch/v1" : "apps/v1",
        owner.workloadKind(), owner.workloadName());
    switch (owner.controllerKind()) {
      case "ReplicaSet" -> client.apps().replicaSets().inNamespace(pod.namespace()).resource(new ReplicaSetBuilder()
          .withNewMetadata().withName(owner.controllerName()).withNamespace(pod.namespace())
          .withOwnerReferences(workload).endMetadata().build()).create();
      case "Job" -> client.batch().v1().jobs().inNamespace(pod.namespace()).resource(new JobBuilder()
          .withNewMetadata().withName(owner.controllerName()).withNamespace(pod.namespace())
          .withOwnerReferences(workload).endMetadata().build()).create();
      default -> { } // StatefulSet, DaemonSet: the pod's own reference names the workload
    }
  }

  private Pod createPod(PodSpec pod) {
    Owner owner = pod.owner();
    String apiVersion = owner.controllerKind().equals("Job") ? "batch/v1" : "apps/v1";
    PodBuilder b = new PodBuilder()
        .withNewMetadata().withNamespace(pod.namespace()).withName(pod.name()).withUid(UUID.randomUUID().toString())
        .withLabels(pod.labels()).withOwnerReferences(controller(apiVersion, owner.controllerKind(),
            owner.controllerName())).endMetadata()
        .withNewSpec().withNodeName(Workloads.NODE).withContainers(pod.containers().stream()
            .map(c -> new ContainerBuilder().withName(c.name()).withImage("registry.example/" + c.name() + ":1.0")
                .build()).toList()).endSpec()
        .withNewStatus().withPhase("Running").withPodIP("10.42.0." + (10 + Math.abs(pod.name().hashCode() % 200)))
        .endStatus();
    return client.pods().inNamespace(pod.namespace()).resource(b.build()).create();
  }

  private static OwnerReference controller(String apiVersion, String kind, String name) {
    return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withName(name)
        .withUid(UUID.nameUUIDFromBytes((kind + "/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString())
        .withController(true).build();
  }

  /** The pod is deleted, as {@code kubectl delete pod} does. */
  void deletePod(String namespace, String name) {
    client.pods().inNamespace(namespace).withName(name).delete();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
