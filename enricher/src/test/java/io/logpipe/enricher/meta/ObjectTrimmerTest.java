package io.logpipe.enricher.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectTrimmerTest {

  private final ObjectTrimmer trimmer = new ObjectTrimmer(MetadataSelection.defaults(), new Interner(1000));

  static Pod replica(String name, String uid) {
    return new PodBuilder()
        .withNewMetadata().withNamespace("shop").withName(name).withUid(uid)
        .withLabels(Map.of("app", "web", "pod-template-hash", "7d9c8b", "app.kubernetes.io/version", "1.2"))
        .withAnnotations(Map.of("logpipe.io/parser", "json", "kubectl.kubernetes.io/restartedAt", "x"))
        .addNewOwnerReference().withKind("ReplicaSet").withName("web-7d9c8b").withController(false).endOwnerReference()
        .addNewOwnerReference().withKind("ReplicaSet").withName("web-real").withController(true).endOwnerReference()
        .endMetadata()
        .withNewSpec().withNodeName("node-1")
        .addNewInitContainer().withName("migrate").withImage("shop/migrate:1").endInitContainer()
        .addNewContainer().withName("web").withImage("shop/web:1.2").endContainer()
        .endSpec()
        .withNewStatus().withPodIP("10.0.0.7").endStatus()
        .build();
  }

  @Test
  void keepsOnlyTheFieldsThatAreEmitted() {
    PodMeta pod = trimmer.pod(replica("web-1", "uid-1"));

    assertThat(pod.namespace()).isEqualTo("shop");
    assertThat(pod.name()).isEqualTo("web-1");
    assertThat(pod.uid()).isEqualTo("uid-1");
    assertThat(pod.node()).isEqualTo("node-1");
    assertThat(pod.podIp()).isEqualTo("10.0.0.7");
    assertThat(pod.controller()).isEqualTo(new OwnerRef("ReplicaSet", "web-real"));
    assertThat(pod.containerImages()).containsOnly(
        Map.entry("migrate", "shop/migrate:1"), Map.entry("web", "shop/web:1.2"));
    assertThat(pod.labels()).containsOnly(Map.entry("app", "web"), Map.entry("app.kubernetes.io/version", "1.2"));
    assertThat(pod.annotations()).isEmpty();
    assertThat(pod.hints().parser()).isEqualTo(BodyFormat.JSON);
  }

  @Test
  void replicasShareTheirRepeatedValues() {
    PodMeta one = trimmer.pod(replica("web-1", "uid-1"));
    PodMeta two = trimmer.pod(replica("web-2", "uid-2"));

    assertThat(two.labels()).isSameAs(one.labels());
    assertThat(two.containerImages()).isSameAs(one.containerImages());
    assertThat(two.controller()).isSameAs(one.controller());
    assertThat(two.hints()).isSameAs(one.hints());
  }

  @Test
  void aPodNotYetScheduledHasNoNodeOrIp() {
    Pod pending = new PodBuilder().withNewMetadata().withNamespace("shop").withName("p").withUid("u").endMetadata()
        .build();

    PodMeta pod = trimmer.pod(pending);

    assertThat(pod.node()).isNull();
    assertThat(pod.podIp()).isNull();
    assertThat(pod.controller()).isNull();
    assertThat(pod.containerImages()).isEmpty();
  }

  @Test
  void trimsNamespacesNodesAndOwners() {
    var ns = trimmer.namespace(new NamespaceBuilder().withNewMetadata().withName("shop")
        .withLabels(Map.of("app.kubernetes.io/part-of", "shop", "kubernetes.io/metadata.name", "shop"))
        .endMetadata().build());
    var node = trimmer.node(new NodeBuilder().withNewMetadata().withName("node-1")
        .withLabels(Map.of("topology.kubernetes.io/zone", "eu-1a", "kubernetes.io/hostname", "node-1"))
        .endMetadata().build());
    var rs = new ReplicaSetBuilder().withNewMetadata().withNamespace("shop").withName("web-real")
        .addNewOwnerReference().withKind("Deployment").withName("web").endOwnerReference().endMetadata().build();

    assertThat(ns.labels()).containsOnly(Map.entry("app.kubernetes.io/part-of", "shop"));
    assertThat(node.labels()).containsOnly(Map.entry("topology.kubernetes.io/zone", "eu-1a"));
    assertThat(trimmer.controllerOf(rs)).contains(new OwnerRef("Deployment", "web"));
  }
}
