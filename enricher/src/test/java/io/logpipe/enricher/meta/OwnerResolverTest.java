package io.logpipe.enricher.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OwnerResolverTest {

  private static final Map<OwnerRef, OwnerRef> PARENTS = Map.of(
      new OwnerRef("ReplicaSet", "web-7d9c8b"), new OwnerRef("Deployment", "web"),
      new OwnerRef("Job", "backup-28391"), new OwnerRef("CronJob", "backup"),
      new OwnerRef("ReplicaSet", "canary-5f6"), new OwnerRef("Rollout", "canary"));

  private final OwnerResolver resolver =
      new OwnerResolver((ns, owner) -> ns.equals("prod") ? Optional.ofNullable(PARENTS.get(owner)) : Optional.empty());

  static Stream<Arguments> chains() {
    return Stream.of(
        Arguments.of("ReplicaSet", "web-7d9c8b", "Deployment", "web"),
        Arguments.of("Job", "backup-28391", "CronJob", "backup"),
        Arguments.of("StatefulSet", "db", "StatefulSet", "db"),
        Arguments.of("DaemonSet", "agent", "DaemonSet", "agent"),
        // A ReplicaSet owned by something other than a Deployment reports that owner (Argo Rollouts).
        Arguments.of("ReplicaSet", "canary-5f6", "Rollout", "canary"),
        // Owners not (yet) in the cache are reported as themselves, never guessed from the name.
        Arguments.of("ReplicaSet", "orphan-abc12", "ReplicaSet", "orphan-abc12"),
        Arguments.of("Job", "manual-run", "Job", "manual-run"),
        Arguments.of("Node", "node-1", "Node", "node-1"));
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}/{3}")
  @MethodSource("chains")
  void resolvesTheTopWorkload(String kind, String name, String topKind, String topName) {
    assertThat(resolver.topOf("prod", new OwnerRef(kind, name))).contains(new OwnerRef(topKind, topName));
  }

  @Test
  void ownersAreLookedUpInThePodsNamespaceOnly() {
    assertThat(resolver.topOf("dev", new OwnerRef("ReplicaSet", "web-7d9c8b")))
        .contains(new OwnerRef("ReplicaSet", "web-7d9c8b"));
  }

  @Test
  void aBarePodHasNoOwner() {
    assertThat(resolver.topOf("prod", null)).isEmpty();
  }
}
