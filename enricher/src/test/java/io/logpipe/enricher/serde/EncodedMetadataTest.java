package io.logpipe.enricher.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.KubernetesMetadata;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EncodedMetadataTest {

  private final EncodedMetadata kept = new EncodedMetadata();
  private final byte[] bytes = {1, 2, 3};

  @Test
  void findsWhatWasKeptForAnEqualValueWithTheSameMaps() {
    Map<String, String> labels = Map.of("app", "web");
    kept.keep(metadata("app", labels), bytes);
    assertThat(kept.find(metadata(new String("app".toCharArray()), labels))).isSameAs(bytes);
  }

  @Test
  void missesWhenAnyStringDiffers() {
    Map<String, String> labels = Map.of("app", "web");
    kept.keep(metadata("app", labels), bytes);
    KubernetesMetadata otherImage = metadata("app", labels);
    otherImage.setContainerImage("img:2");
    KubernetesMetadata noIp = metadata("app", labels);
    noIp.setPodIp(null);
    assertThat(kept.find(otherImage)).isNull();
    assertThat(kept.find(noIp)).isNull();
    assertThat(kept.find(metadata("sidecar", labels))).isNull();
  }

  @Test
  void missesForEqualButOtherMapInstances() {
    kept.keep(metadata("app", Map.of("app", "web")), bytes);
    assertThat(kept.find(metadata("app", Map.of("app", "web")))).isNull();
  }

  @Test
  void keepsNothingForMapsThatCouldStillChange() {
    for (Map<String, String> mutable : java.util.List.<Map<String, String>>of(new HashMap<>(Map.of("a", "b")),
        new TreeMap<>(), Collections.unmodifiableMap(new HashMap<>()))) {
      KubernetesMetadata value = metadata("app", mutable);
      kept.keep(value, bytes);
      assertThat(kept.find(value)).as(mutable.getClass().getName()).isNull();
    }
  }

  @Test
  void keepsNoEncodingLargerThanTheBound() {
    KubernetesMetadata value = metadata("app", Map.of("app", "web"));
    kept.keep(value, new byte[EncodedMetadata.MAX_KEPT_BYTES + 1]);
    assertThat(kept.find(value)).isNull();
    byte[] largest = new byte[EncodedMetadata.MAX_KEPT_BYTES];
    kept.keep(value, largest);
    assertThat(kept.find(value)).isSameAs(largest);
  }

  @Test
  void keepsForEveryImmutableMapShape() {
    for (Map<String, String> immutable : java.util.List.<Map<String, String>>of(Map.of(), Map.of("a", "b"),
        Map.of("a", "b", "c", "d"), Map.copyOf(new HashMap<>(Map.of("e", "f"))), Collections.emptyMap())) {
      KubernetesMetadata value = metadata("app", immutable);
      kept.keep(value, bytes);
      assertThat(kept.find(value)).as(immutable.getClass().getName()).isSameAs(bytes);
    }
  }

  @Test
  void keepsTwoPodsWhoseSlotsCollideAndReplacesTheOlderForAThird() {
    Map<String, String> labels = Map.of("app", "web");
    java.util.List<KubernetesMetadata> colliding = new java.util.ArrayList<>();
    int pair = EncodedMetadata.slot(pod("uid-0", labels)) >> 1;
    for (int i = 1; colliding.size() < 3; i++) {
      KubernetesMetadata candidate = pod("uid-" + i, labels);
      if (EncodedMetadata.slot(candidate) >> 1 == pair) {
        colliding.add(candidate);
      }
    }
    byte[] second = {4};
    byte[] third = {5};
    kept.keep(colliding.get(0), bytes);
    kept.keep(colliding.get(1), second);
    assertThat(kept.find(colliding.get(0))).isSameAs(bytes);
    assertThat(kept.find(colliding.get(1))).isSameAs(second);
    kept.keep(colliding.get(2), third);
    assertThat(kept.find(colliding.get(2))).isSameAs(third);
    assertThat(kept.find(colliding.get(0)) == null || kept.find(colliding.get(1)) == null).isTrue();
  }

  private static KubernetesMetadata pod(String uid, Map<String, String> podLabels) {
    return new KubernetesMetadata("shop", "web-1", uid, "app", "img:1", "node-1", "10.0.0.7",
        "Deployment", "web", podLabels, Map.of(), Map.of(), Map.of());
  }

  private static KubernetesMetadata metadata(String container, Map<String, String> podLabels) {
    return new KubernetesMetadata("shop", "web-1", "uid-1", container, "img:1", "node-1", "10.0.0.7",
        "Deployment", "web", podLabels, Map.of(), Map.of(), Map.of());
  }
}
