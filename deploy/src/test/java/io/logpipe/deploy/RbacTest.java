package io.logpipe.deploy;

import static io.logpipe.deploy.RenderedChart.component;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What the chart lets its components do in the Kubernetes API: read what they read, nothing else. */
class RbacTest {

  private static final Set<String> READ = Set.of("get", "list", "watch");

  @Test
  void everyClusterRoleOnlyReads() {
    for (RenderedChart chart : List.of(RenderedChart.withDefaults(), RenderedChart.withEveryFeature())) {
      assertThat(chart.all(ClusterRole.class)).isNotEmpty().allSatisfy(role ->
          assertThat(role.getRules()).allSatisfy(rule -> {
            assertThat(READ).containsAll(rule.getVerbs());
            assertThat(rule.getResources()).doesNotContain("*", "secrets", "configmaps");
            assertThat(rule.getApiGroups()).doesNotContain("*");
            assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
          }));
    }
  }

  @Test
  void theEnricherReadsExactlyTheKindsItsInformersWatch() {
    ClusterRole role = RenderedChart.withDefaults().one(ClusterRole.class, component("enricher"));

    // enricher/README.md "RBAC", InformerMetadataSource: pods, namespaces, nodes, replicasets, jobs. Owner
    // workloads above them (Deployment, CronJob, StatefulSet, DaemonSet) come from owner references, unread.
    assertThat(grants(role.getRules())).isEqualTo(new TreeSet<>(Set.of(
        "/pods", "/namespaces", "/nodes", "apps/replicasets", "batch/jobs")));
  }

  @Test
  void theEnricherWithoutTheApiGetsNoRoleAndNoToken() {
    RenderedChart chart = RenderedChart.with(Map.of("enricher.kubernetes", false));

    assertThat(chart.all(ClusterRole.class)).isEmpty();
    assertThat(chart.one(ServiceAccount.class, component("enricher")).getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void theEventsCollectorReadsEventsAndHoldsOnlyALeaseInItsNamespace() {
    RenderedChart chart = RenderedChart.withEveryFeature();

    ClusterRole events = chart.one(ClusterRole.class, component("k8s-events"));
    assertThat(grants(events.getRules())).containsExactly("events.k8s.io/events");
    Role lease = chart.one(Role.class, component("k8s-events-lease"));
    assertThat(lease.getMetadata().getNamespace()).isNull();
    assertThat(lease.getRules()).singleElement().satisfies(rule -> {
      assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
      assertThat(rule.getResources()).containsExactly("leases");
      assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "create", "update", "patch");
    });
  }

  @Test
  void everyBindingGrantsOnlyTheComponentsOwnServiceAccount() {
    RenderedChart chart = RenderedChart.withEveryFeature();

    for (ClusterRoleBinding binding : chart.all(ClusterRoleBinding.class)) {
      assertThat(binding.getRoleRef().getName()).isEqualTo(RenderedChart.name(binding));
      assertThat(binding.getSubjects()).singleElement().satisfies(s -> ownAccount(chart, s, binding.getRoleRef().getName()));
    }
    for (RoleBinding binding : chart.all(RoleBinding.class)) {
      assertThat(binding.getSubjects()).singleElement()
          .satisfies(s -> ownAccount(chart, s, component("k8s-events")));
    }
    assertThat(chart.all(ClusterRoleBinding.class)).extracting(RenderedChart::name)
        .containsExactlyInAnyOrder(component("enricher"), component("k8s-events"));
  }

  private static void ownAccount(RenderedChart chart, Subject subject, String account) {
    assertThat(subject.getKind()).isEqualTo("ServiceAccount");
    assertThat(subject.getName()).isEqualTo(account);
    assertThat(subject.getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
    assertThat(chart.one(ServiceAccount.class, account)).isNotNull();
  }

  /** {@code group/resource} of every rule. */
  private static TreeSet<String> grants(List<PolicyRule> rules) {
    TreeSet<String> grants = new TreeSet<>();
    rules.forEach(rule -> rule.getApiGroups().forEach(group ->
        rule.getResources().forEach(resource -> grants.add(group + "/" + resource))));
    return grants;
  }
}
