package io.logpipe.deploy;

import static io.logpipe.deploy.RenderedChart.component;
import static io.logpipe.deploy.RenderedChart.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The node agent: what it may touch on the node, who it is, and how it is scheduled and stopped (issue 8). */
class ShipperDaemonSetTest {

  private static final String SHIPPER = component("shipper");

  @Test
  void mountsNothingOfTheNodeButThePodLogsReadOnlyInExactlyOnceMode() {
    PodSpec pod = shipperPod(RenderedChart.withDefaults());

    assertThat(pod.getVolumes()).filteredOn(v -> v.getHostPath() != null)
        .extracting(v -> v.getHostPath().getPath()).containsExactly("/var/log/pods");
    assertThat(mount(container(pod), "pod-logs").getReadOnly()).isTrue();
    assertThat(mount(container(pod), "pod-logs").getMountPath()).isEqualTo("/var/log/pods");
    assertThat(env(container(pod), "SHIPPER_LOG_ROOT")).contains("/var/log/pods");
    assertThat(env(container(pod), "SHIPPER_MODE")).contains("exactly-once");
    assertThat(env(container(pod), "SHIPPER_POSITIONS_FILE")).isEmpty();
  }

  @Test
  void keepsPositionsInAHostPathOnlyInAtLeastOnceMode() {
    PodSpec pod = shipperPod(RenderedChart.with(Map.of("shipper.mode", "at-least-once")));

    Volume positions = pod.getVolumes().stream().filter(v -> v.getName().equals("positions")).findFirst().orElseThrow();
    assertThat(positions.getHostPath().getPath()).isEqualTo("/var/lib/logpipe");
    assertThat(pod.getVolumes()).filteredOn(v -> v.getHostPath() != null)
        .extracting(v -> v.getHostPath().getPath()).containsExactlyInAnyOrder("/var/log/pods", "/var/lib/logpipe");
    assertThat(mount(container(pod), "pod-logs").getReadOnly()).isTrue();
    assertThat(env(container(pod), "SHIPPER_MODE")).contains("at-least-once");
    assertThat(env(container(pod), "SHIPPER_POSITIONS_FILE")).contains("/var/lib/logpipe/shipper-positions");
  }

  @Test
  void takesTheNodeNameFromTheDownwardApi() {
    EnvVar nodeName = container(shipperPod(RenderedChart.withDefaults())).getEnv().stream()
        .filter(e -> e.getName().equals("NODE_NAME")).findFirst().orElseThrow();

    assertThat(nodeName.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
  }

  @Test
  void mountsNoServiceAccountTokenAndUsesNoHostNamespace() {
    RenderedChart chart = RenderedChart.withDefaults();
    PodSpec pod = shipperPod(chart);

    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(chart.one(ServiceAccount.class, pod.getServiceAccountName()).getAutomountServiceAccountToken())
        .isFalse();
    assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void runsOnEveryNodeWithAPriorityClassOfItsOwn() {
    RenderedChart chart = RenderedChart.withDefaults();
    PodSpec pod = shipperPod(chart);

    assertThat(pod.getTolerations()).extracting(Toleration::getOperator, Toleration::getKey)
        .contains(org.assertj.core.groups.Tuple.tuple("Exists", null));
    PriorityClass priority = chart.one(PriorityClass.class, pod.getPriorityClassName());
    assertThat(priority.getValue()).isGreaterThanOrEqualTo(1_000_000);
    assertThat(priority.getGlobalDefault()).isFalse();
  }

  @Test
  void requestsAndLimitsAreTheMeasuredOnesWithAQuarterOfTheLimitForTheHeap() {
    Container shipper = container(shipperPod(RenderedChart.withDefaults()));

    // bench/'s ShipperBench measures this JVM (175-207 MiB peak RSS shipping flat out): the request is what a busy
    // node uses, the limit leaves room above it.
    assertThat(shipper.getResources().getRequests())
        .containsEntry("cpu", new Quantity("200m")).containsEntry("memory", new Quantity("192Mi"));
    assertThat(shipper.getResources().getLimits())
        .containsEntry("cpu", new Quantity("1")).containsEntry("memory", new Quantity("256Mi"));
    // Both percentages: under ~250 MiB the JVM sizes the heap by MinRAMPercentage and ignores a smaller
    // MaxRAMPercentage (64 MiB of 256Mi, not 126 MiB).
    assertThat(env(shipper, "JAVA_TOOL_OPTIONS")).hasValueSatisfying(flags -> assertThat(flags).contains(
        "-XX:MinRAMPercentage=25", "-XX:MaxRAMPercentage=25", "-XX:+UseSerialGC", "-XX:NewRatio=1",
        "-XX:+ExitOnOutOfMemoryError"));
  }

  @Test
  void givesTheJvmTwoMallocArenasAndAnyOtherEnvironmentOfJvmEnv() {
    assertThat(env(container(shipperPod(RenderedChart.withDefaults())), "MALLOC_ARENA_MAX")).contains("2");

    Container tuned = container(shipperPod(RenderedChart.with(Map.of("shipper.jvmEnv.MALLOC_ARENA_MAX", "4",
        "shipper.jvmEnv.MALLOC_TRIM_THRESHOLD_", "131072"))));
    assertThat(env(tuned, "MALLOC_ARENA_MAX")).contains("4");
    assertThat(env(tuned, "MALLOC_TRIM_THRESHOLD_")).contains("131072");
  }

  @Test
  void refusesANonRootShipperThatCouldNotWriteItsPositions() {
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(),
        Map.of("shipper.mode", "at-least-once", "shipper.readAccess", "rootGroup")))
        .hasMessageContaining("cannot write the at-least-once positions directory");
  }

  @Test
  void runsAsRootOnlyToReadRootOwnedLogsWithEveryCapabilityDropped() {
    PodSpec pod = shipperPod(RenderedChart.withDefaults());
    Container shipper = container(pod);

    assertThat(pod.getSecurityContext().getRunAsUser()).isZero();
    assertThat(shipper.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(shipper.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(shipper.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(shipper.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(shipper.getSecurityContext().getPrivileged()).isFalse();
  }

  @Test
  void canReadAsANonRootMemberOfTheRootGroupInstead() {
    PodSpec pod = shipperPod(RenderedChart.with(Map.of("shipper.readAccess", "rootGroup")));

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
    assertThat(pod.getSecurityContext().getRunAsGroup()).isZero();
  }

  @Test
  void waitsLongEnoughToFinishTheOpenTransaction() {
    PodSpec pod = shipperPod(RenderedChart.withDefaults());
    // ServiceRunner.DEFAULT_CLOSE_TIMEOUT bounds the close (finish the batch, commit); the kubelet must not kill
    // the shipper before it, plus room for the JVM to exit.
    Duration close = io.logpipe.runtime.service.ServiceRunner.DEFAULT_CLOSE_TIMEOUT;

    assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds())).isGreaterThan(close.plusSeconds(10));
  }

  @Test
  void probesHealthAndReadinessOnTheServicePort() {
    Container shipper = container(shipperPod(RenderedChart.withDefaults()));

    assertThat(shipper.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(shipper.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(shipper.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
    assertThat(env(shipper, "SHIPPER_HTTP_PORT")).contains("8080");
  }

  private static PodSpec shipperPod(RenderedChart chart) {
    return chart.one(DaemonSet.class, SHIPPER).getSpec().getTemplate().getSpec();
  }

  private static VolumeMount mount(Container container, String volume) {
    return container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume)).findFirst()
        .orElseThrow(() -> new AssertionError("no mount of " + volume));
  }

  static Optional<String> env(Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst();
  }
}
