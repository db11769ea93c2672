package io.logpipe.enricher.cache;

import static io.logpipe.enricher.testing.KubeObjects.namespace;
import static io.logpipe.enricher.testing.KubeObjects.node;
import static io.logpipe.enricher.testing.KubeObjects.pod;
import static io.logpipe.enricher.testing.KubeObjects.replicaSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.logpipe.enricher.meta.Interner;
import io.logpipe.enricher.meta.MetadataSelection;
import io.logpipe.enricher.meta.ObjectTrimmer;
import io.logpipe.enricher.meta.OwnerRef;
import io.logpipe.testkit.ManualClock;
import io.logpipe.schemas.StreamKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class InformerMetadataSourceTest {


  KubernetesClient client;

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final MetadataCache cache = new MetadataCache(clock, Duration.ofMinutes(10), 1000);
  private InformerMetadataSource source;

  /** The CRUD mock assigns its own UID on create, as the API server does; streams are keyed by that one. */
  private StreamKey create(Pod pod) {
    Pod created = client.pods().inNamespace("shop").resource(pod).create();
    return new StreamKey("shop", created.getMetadata().getName(), created.getMetadata().getUid(), "app");
  }

  private InformerMetadataSource start() {
    source = InformerMetadataSource.start(client, cache,
        new ObjectTrimmer(MetadataSelection.defaults(), new Interner(1000)), Duration.ofHours(1));
    source.synced().orTimeout(10, TimeUnit.SECONDS).join();
    return source;
  }

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
  }

  @Test
  void isReadyOnlyOnceTheInitialListsAreLoaded() {
    StreamKey web = create(pod("shop", "web-1", "uid-1", null, Map.of(), Map.of()));
    assertThat(cache.ready()).isFalse();

    start();

    assertThat(source.ready()).isTrue();
    assertThat(source.lookup(web)).isPresent();
  }

  @Test
  void namesTheDeploymentAndCarriesNamespaceAndNodeLabels() {
    client.namespaces().resource(namespace("shop", Map.of("app.kubernetes.io/part-of", "shop"))).create();
    client.nodes().resource(node("node-1", Map.of("topology.kubernetes.io/zone", "eu-1a"))).create();
    client.apps().replicaSets().inNamespace("shop").resource(replicaSet("shop", "web-7d9c8b", "web")).create();
    start();

    StreamKey web = create(pod("shop", "web-1", "uid-1", "web-7d9c8b", Map.of("app", "web"), Map.of()));

    await().atMost(10, TimeUnit.SECONDS).until(() -> source.lookup(web).isPresent());
    PodView view = source.lookup(web).orElseThrow();
    assertThat(view.owner()).isEqualTo(new OwnerRef("Deployment", "web"));
    assertThat(view.pod().labels()).containsOnly(Map.entry("app", "web"));
    assertThat(view.pod().podIp()).isEqualTo("10.1.2.3");
    assertThat(view.namespaceLabels()).containsOnly(Map.entry("app.kubernetes.io/part-of", "shop"));
    assertThat(view.nodeLabels()).containsOnly(Map.entry("topology.kubernetes.io/zone", "eu-1a"));
  }

  @Test
  void followsARelabelledPod() {
    StreamKey web = create(pod("shop", "web-1", "uid-1", null, Map.of("app", "v1"), Map.of()));
    start();

    client.pods().inNamespace("shop").withName("web-1")
        .edit(p -> { p.getMetadata().getLabels().put("app", "v2"); return p; });

    await().atMost(10, TimeUnit.SECONDS)
        .until(() -> "v2".equals(source.lookup(web).orElseThrow().pod().labels().get("app")));
  }

  @Test
  void keepsADeletedPodUntilItsStreamHasBeenQuietForTheGraceTime() {
    StreamKey web = create(pod("shop", "web-1", "uid-1", null, Map.of("app", "web"), Map.of()));
    start();

    client.pods().inNamespace("shop").withName("web-1").delete();
    await().atMost(10, TimeUnit.SECONDS).until(() -> cache.deletedPods() == 1);

    // Late lines keep arriving for 15 minutes after the deletion, each within the grace time of the previous one.
    for (int minute = 0; minute < 3; minute++) {
      clock.advance(Duration.ofMinutes(5));
      assertThat(cache.evictQuiet()).isZero();
      assertThat(source.lookup(web)).map(v -> v.pod().labels().get("app")).contains("web");
    }
    clock.advance(Duration.ofMinutes(10));
    assertThat(cache.evictQuiet()).isEqualTo(1);
    assertThat(source.lookup(web)).isEmpty();
  }
}
