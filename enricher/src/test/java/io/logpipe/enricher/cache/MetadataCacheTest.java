package io.logpipe.enricher.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.enricher.meta.NamespaceMeta;
import io.logpipe.enricher.meta.NodeMeta;
import io.logpipe.enricher.meta.OwnerRef;
import io.logpipe.enricher.meta.PodHints;
import io.logpipe.enricher.meta.PodMeta;
import io.logpipe.testkit.ManualClock;
import io.logpipe.schemas.StreamKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataCacheTest {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final MetadataCache cache = new MetadataCache(clock, Duration.ofMinutes(10), 2);

  private static PodMeta pod(String uid) {
    return new PodMeta("shop", "web-" + uid, uid, "node-1", "10.0.0.1", new OwnerRef("ReplicaSet", "web-abc"),
        Map.of("app", "app:1"), Map.of("app", "web"), Map.of(), PodHints.DEFAULT);
  }

  private static PodMeta relabelled(PodMeta pod) {
    return new PodMeta(pod.namespace(), pod.name(), pod.uid(), pod.node(), pod.podIp(), pod.controller(),
        pod.containerImages(), Map.of("app", "shop"), pod.annotations(), pod.hints());
  }

  private static StreamKey key(String uid) {
    return new StreamKey("shop", "web-" + uid, uid, "app");
  }

  @Test
  void anUnknownPodIsAMiss() {
    assertThat(cache.lookup(key("nope"))).isEmpty();
  }

  @Test
  void isNotReadyUntilTold() {
    assertThat(cache.ready()).isFalse();
    cache.markReady();
    assertThat(cache.ready()).isTrue();
  }

  @Test
  void resolvesTheOwnerAndNamespaceAtLookupTimeSoLateArrivalsCount() {
    cache.putPod(pod("u1"));
    assertThat(cache.lookup(key("u1")).orElseThrow().owner()).isEqualTo(new OwnerRef("ReplicaSet", "web-abc"));

    cache.putOwner("shop", new OwnerRef("ReplicaSet", "web-abc"), new OwnerRef("Deployment", "web"));
    cache.putNamespace(new NamespaceMeta("shop", Map.of("team", "a")));

    PodView view = cache.lookup(key("u1")).orElseThrow();
    assertThat(view.owner()).isEqualTo(new OwnerRef("Deployment", "web"));
    assertThat(view.namespaceLabels()).containsEntry("team", "a");
  }

  @Test
  void aViewKeptFromAnEarlierLookupFollowsEveryLaterChangeOfNamespaceNodeOwnerAndPod() {
    cache.putPod(pod("u1"));
    cache.putNamespace(new NamespaceMeta("shop", Map.of("team", "a")));
    cache.putNode(new NodeMeta("node-1", Map.of("zone", "z1")));
    assertThat(cache.lookup(key("u1")).orElseThrow().namespaceLabels()).containsEntry("team", "a");

    cache.putNamespace(new NamespaceMeta("shop", Map.of("team", "b")));
    assertThat(cache.lookup(key("u1")).orElseThrow().namespaceLabels()).containsEntry("team", "b");
    cache.putNode(new NodeMeta("node-1", Map.of("zone", "z2")));
    assertThat(cache.lookup(key("u1")).orElseThrow().nodeLabels()).containsEntry("zone", "z2");
    cache.putOwner("shop", new OwnerRef("ReplicaSet", "web-abc"), new OwnerRef("Deployment", "web"));
    assertThat(cache.lookup(key("u1")).orElseThrow().owner()).isEqualTo(new OwnerRef("Deployment", "web"));
    cache.removeOwner("shop", new OwnerRef("ReplicaSet", "web-abc"));
    assertThat(cache.lookup(key("u1")).orElseThrow().owner()).isEqualTo(new OwnerRef("ReplicaSet", "web-abc"));
    cache.removeNode("node-1");
    assertThat(cache.lookup(key("u1")).orElseThrow().nodeLabels()).isEmpty();
    cache.removeNamespace("shop");
    assertThat(cache.lookup(key("u1")).orElseThrow().namespaceLabels()).isEmpty();
    cache.putPod(relabelled(pod("u1")));
    assertThat(cache.lookup(key("u1")).orElseThrow().pod().labels()).containsEntry("app", "shop");
  }

  @Test
  void reusesAPodsViewWhileNothingItWasResolvedFromChanged() {
    cache.putPod(pod("u1"));
    cache.putNode(new NodeMeta("node-1", Map.of("zone", "z1")));
    PodView first = cache.lookup(key("u1")).orElseThrow();
    // An informer update that changes nothing kept (a node heartbeat) keeps the view.
    cache.putNode(new NodeMeta("node-1", Map.of("zone", "z1")));

    assertThat(cache.lookup(key("u1")).orElseThrow()).isSameAs(first);
  }

  @Test
  void aDeletedPodIsForgottenOnlyAfterItsStreamWasQuietForTheGraceTime() {
    cache.putPod(pod("u1"));
    cache.deletePod("u1");

    clock.advance(Duration.ofMinutes(9));
    assertThat(cache.lookup(key("u1"))).isPresent();
    clock.advance(Duration.ofMinutes(9));
    assertThat(cache.evictQuiet()).isZero();
    clock.advance(Duration.ofMinutes(10));
    assertThat(cache.evictQuiet()).isOne();
    assertThat(cache.lookup(key("u1"))).isEmpty();
  }

  @Test
  void aPodSeenAgainAfterItsDeletionIsLiveAgain() {
    cache.putPod(pod("u1"));
    cache.deletePod("u1");
    cache.putPod(pod("u1"));

    assertThat(cache.deletedPods()).isZero();
    assertThat(cache.livePods()).isOne();
  }

  @Test
  void boundsDeletedPodsByForgettingTheQuietestFirst() {
    for (String uid : new String[] {"u1", "u2", "u3"}) {
      cache.putPod(pod(uid));
    }
    cache.deletePod("u1");
    clock.advance(Duration.ofMinutes(1));
    cache.deletePod("u2");
    clock.advance(Duration.ofMinutes(1));
    cache.lookup(key("u1"));
    cache.deletePod("u3");

    assertThat(cache.deletedPods()).isEqualTo(2);
    assertThat(cache.forgottenEarly()).isOne();
    assertThat(cache.lookup(key("u2"))).isEmpty();
    assertThat(cache.lookup(key("u1"))).isPresent();
  }

  @Test
  void deletingAnUnknownPodIsHarmless() {
    cache.deletePod("never-seen");

    assertThat(cache.deletedPods()).isZero();
  }
}
