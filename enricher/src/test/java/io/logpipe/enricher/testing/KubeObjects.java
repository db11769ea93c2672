package io.logpipe.enricher.testing;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.Map;

/** Small Kubernetes objects for tests. */
public final class KubeObjects {

  public static Pod pod(String namespace, String name, String uid, String replicaSet, Map<String, String> labels,
      Map<String, String> annotations) {
    PodBuilder b = new PodBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name).withUid(uid)
        .withLabels(labels).withAnnotations(annotations).endMetadata()
        .withNewSpec().withNodeName("node-1")
        .addNewContainer().withName("app").withImage("registry.example/" + name + ":1").endContainer()
        .endSpec()
        .withNewStatus().withPodIP("10.1.2.3").endStatus();
    if (replicaSet != null) {
      b.editMetadata().addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(replicaSet)
          .withUid(replicaSet + "-uid").withController(true).endOwnerReference().endMetadata();
    }
    return b.build();
  }

  public static ReplicaSet replicaSet(String namespace, String name, String deployment) {
    return new ReplicaSetBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name)
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName(deployment)
        .withUid(deployment + "-uid").withController(true).endOwnerReference()
        .endMetadata()
        .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", deployment)).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", deployment)).endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("x").endContainer().endSpec().endTemplate()
        .endSpec()
        .build();
  }

  public static Namespace namespace(String name, Map<String, String> labels) {
    return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
  }

  public static Node node(String name, Map<String, String> labels) {
    return new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
  }

  private KubeObjects() {}
}
