package io.logpipe.deploy;

import static io.logpipe.deploy.RenderedChart.component;
import static io.logpipe.deploy.RenderedChart.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants every workload keeps, with the default values and with every optional feature on. */
class WorkloadHardeningTest {

  /** The components that read the Kubernetes API; every other pod goes without a token. */
  private static final List<String> API_READERS = List.of(component("enricher"), component("k8s-events"));

  static Stream<Named<RenderedChart>> renders() {
    return Stream.of(Named.of("default values", RenderedChart.withDefaults()),
        Named.of("every optional feature", RenderedChart.withEveryFeature()));
  }

  @ParameterizedTest
  @MethodSource("renders")
  void everyLongRunningContainerHasResourcesAndHealthProbes(RenderedChart chart) {
    assertThat(chart.longRunningPodTemplates()).isNotEmpty().allSatisfy((workload, template) -> {
      assertThat(template.getSpec().getContainers()).as(workload).hasSize(1);
      Container c = container(template);
      assertThat(c.getResources().getRequests()).as(workload).containsKeys("cpu", "memory");
      assertThat(c.getResources().getLimits()).as(workload).containsKeys("cpu", "memory");
      assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(workload).isEqualTo("/healthz");
      assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(workload).isEqualTo("/readyz");
      assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).as(workload).isEqualTo("http");
      assertThat(c.getPorts()).as(workload).singleElement()
          .satisfies(p -> assertThat(p.getName()).isEqualTo("http"));
    });
  }

  @ParameterizedTest
  @MethodSource("renders")
  void noContainerIsPrivilegedCanEscalateOrWriteItsRootFilesystem(RenderedChart chart) {
    assertThat(chart.podTemplates()).isNotEmpty().allSatisfy((workload, template) -> {
      PodSpec pod = template.getSpec();
      assertThat(pod.getInitContainers()).as(workload).isNullOrEmpty();
      for (Container c : pod.getContainers()) {
        SecurityContext sc = c.getSecurityContext();
        assertThat(sc.getPrivileged()).as(workload).isFalse();
        assertThat(sc.getAllowPrivilegeEscalation()).as(workload).isFalse();
        assertThat(sc.getReadOnlyRootFilesystem()).as(workload).isTrue();
        assertThat(sc.getCapabilities().getDrop()).as(workload).containsExactly("ALL");
        assertThat(sc.getCapabilities().getAdd()).as(workload).isNullOrEmpty();
      }
      assertThat(pod.getHostNetwork()).as(workload).isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getHostPID()).as(workload).isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getHostIPC()).as(workload).isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getEnableServiceLinks()).as(workload).isFalse();
    });
  }

  @ParameterizedTest
  @MethodSource("renders")
  void onlyTheShipperTouchesTheNodeOrRunsAsRoot(RenderedChart chart) {
    Map<String, PodTemplateSpec> others = chart.podTemplates();
    others.remove("DaemonSet/" + component("shipper"));

    assertThat(others).isNotEmpty().allSatisfy((workload, template) -> {
      assertThat(template.getSpec().getVolumes()).as(workload).allSatisfy(v -> assertThat(v.getHostPath()).isNull());
      assertThat(template.getSpec().getSecurityContext().getRunAsNonRoot()).as(workload).isTrue();
      assertThat(template.getSpec().getSecurityContext().getRunAsUser()).as(workload).isNotZero();
    });
  }

  @ParameterizedTest
  @MethodSource("renders")
  void onlyTheComponentsThatReadTheApiMountAToken(RenderedChart chart) {
    assertThat(chart.podTemplates()).allSatisfy((workload, template) -> {
      boolean reader = API_READERS.stream().anyMatch(name -> workload.equals("Deployment/" + name));
      assertThat(template.getSpec().getAutomountServiceAccountToken()).as(workload).isEqualTo(reader);
      String account = template.getSpec().getServiceAccountName();
      if (account != null) {
        assertThat(chart.one(ServiceAccount.class, account).getAutomountServiceAccountToken()).as(workload)
            .isEqualTo(reader);
      }
    });
  }

  @ParameterizedTest
  @MethodSource("renders")
  void everyComponentIsGivenTimeToCloseBeforeItIsKilled(RenderedChart chart) {
    // The runners close within DEFAULT_CLOSE_TIMEOUT (commit or abort the open transaction, leave the group).
    long close = Math.max(io.logpipe.runtime.service.ServiceRunner.DEFAULT_CLOSE_TIMEOUT.toSeconds(),
        io.logpipe.runtime.streams.StreamsRunner.DEFAULT_CLOSE_TIMEOUT.toSeconds());
    assertThat(chart.longRunningPodTemplates()).allSatisfy((workload, template) ->
        assertThat(template.getSpec().getTerminationGracePeriodSeconds()).as(workload).isGreaterThan(close + 10));
  }

  @ParameterizedTest
  @MethodSource("renders")
  void deploymentsSpreadTheirReplicasOverNodes(RenderedChart chart) {
    assertThat(chart.all(Deployment.class)).allSatisfy(deployment -> assertThat(
        deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).singleElement().satisfies(c -> {
          assertThat(c.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
          assertThat(deployment.getSpec().getSelector().getMatchLabels())
              .isEqualTo(c.getLabelSelector().getMatchLabels());
        }));
  }

  @ParameterizedTest
  @MethodSource("renders")
  void everyDeploymentHasADisruptionBudgetSelectingItsPods(RenderedChart chart) {
    assertThat(chart.all(Deployment.class)).isNotEmpty().allSatisfy(deployment -> {
      PodDisruptionBudget pdb = chart.one(PodDisruptionBudget.class, RenderedChart.name(deployment));
      assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
      assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    });
  }

  @ParameterizedTest
  @MethodSource("renders")
  void noSecretValueIsWrittenIntoAManifest(RenderedChart chart) {
    Pattern secretName = Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN|CREDENTIAL).*");
    assertThat(chart.podTemplates()).allSatisfy((workload, template) -> {
      for (EnvVar e : container(template).getEnv()) {
        if (secretName.matcher(e.getName()).matches()) {
          assertThat(e.getValue()).as(workload + " " + e.getName()).isNull();
          assertThat(e.getValueFrom().getSecretKeyRef()).as(workload + " " + e.getName()).isNotNull();
        }
      }
    });
    assertThat(chart.names()).noneMatch(name -> name.startsWith("Secret/"));
  }

  @ParameterizedTest
  @MethodSource("renders")
  void eachComponentRunsItsOwnSubcommandOfTheOneImage(RenderedChart chart) {
    Map<String, String> subcommands = new java.util.TreeMap<>();
    chart.podTemplates().forEach((workload, template) -> {
      Container c = container(template);
      assertThat(c.getCommand()).as(workload).isNullOrEmpty();
      assertThat(c.getImage()).as(workload).isEqualTo("ghcr.io/logpipe/logpipe:0.1.0");
      subcommands.put(workload, String.join(" ", c.getArgs()));
    });

    assertThat(subcommands).containsEntry("DaemonSet/" + component("shipper"), "shipper")
        .containsEntry("Deployment/" + component("multiline"), "multiline")
        .containsEntry("Deployment/" + component("enricher"), "enricher")
        .containsEntry("Deployment/" + component("redactor"), "redactor")
        .containsEntry("Deployment/" + component("router"), "router")
        .containsEntry("Deployment/" + component("sink-loki"), "sink --backend loki");
  }
}
