package io.logpipe.deploy;

import static io.logpipe.deploy.RenderedChart.component;
import static io.logpipe.deploy.RenderedChart.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipper's extra node sources in the chart (issue 9): off by default, and when switched on each mounts only
 * what it needs, read-only; plus the release-prefixed transactional id.
 */
class ShipperSourcesChartTest {

  private static final String SHIPPER = component("shipper");

  @Test
  void mountsNeitherTheJournalNorExtraFilesByDefault() {
    PodSpec pod = shipperPod(RenderedChart.withDefaults());

    assertThat(hostPaths(pod)).containsOnlyKeys("/var/log/pods");
    assertThat(env(container(pod))).doesNotContainKeys("SHIPPER_JOURNAL_ENABLED", "SHIPPER_FILES");
  }

  @Test
  void theJournalMountsBothJournalDirectoriesAndTheMachineIdReadOnly() {
    PodSpec pod = shipperPod(RenderedChart.with(Map.of("shipper.journal.enabled", "true",
        "shipper.journal.units[0]", "kubelet", "shipper.journal.units[1]", "containerd",
        "shipper.journal.journalctl", "/opt/systemd/journalctl")));

    Map<String, Volume> host = hostPaths(pod);
    assertThat(host).containsOnlyKeys("/var/log/pods", "/var/log/journal", "/run/log/journal", "/etc/machine-id");
    assertThat(host.get("/etc/machine-id").getHostPath().getType()).isEqualTo("File");
    for (String path : new String[] {"/var/log/journal", "/run/log/journal", "/etc/machine-id"}) {
      VolumeMount mount = mountOf(container(pod), host.get(path).getName());
      assertThat(mount.getMountPath()).isEqualTo(path);
      assertThat(mount.getReadOnly()).as(path).isTrue();
    }
    assertThat(env(container(pod))).containsEntry("SHIPPER_JOURNAL_ENABLED", "true")
        .containsEntry("SHIPPER_JOURNAL_UNITS", "kubelet,containerd")
        .containsEntry("SHIPPER_JOURNALCTL", "/opt/systemd/journalctl");
  }

  @Test
  void eachFileSourceMountsTheDirectoriesOfItsGlobsReadOnlyAndIsConfigured() {
    PodSpec pod = shipperPod(RenderedChart.with(Map.of(
        "shipper.files[0].name", "audit",
        "shipper.files[0].globs[0]", "/var/log/kubernetes/audit/*.log",
        "shipper.files[0].format", "audit",
        "shipper.files[0].labels.component", "kube-apiserver",
        "shipper.files[1].name", "kube-apiserver",
        "shipper.files[1].globs[0]", "/var/log/kube-apiserver.log",
        "shipper.files[1].globs[1]", "/var/log/kube-apiserver-*.log")));

    Map<String, Volume> host = hostPaths(pod);
    assertThat(host).containsOnlyKeys("/var/log/pods", "/var/log/kubernetes/audit", "/var/log");
    for (String path : new String[] {"/var/log/kubernetes/audit", "/var/log"}) {
      VolumeMount mount = mountOf(container(pod), host.get(path).getName());
      assertThat(mount.getMountPath()).isEqualTo(path);
      assertThat(mount.getReadOnly()).as(path).isTrue();
    }
    assertThat(container(pod).getVolumeMounts()).filteredOn(m -> !Boolean.TRUE.equals(m.getReadOnly()))
        .extracting(VolumeMount::getMountPath).doesNotContain("/var/log", "/var/log/kubernetes/audit");
    assertThat(env(container(pod)))
        .containsEntry("SHIPPER_FILES", "audit,kube-apiserver")
        .containsEntry("SHIPPER_FILES_AUDIT_GLOBS", "/var/log/kubernetes/audit/*.log")
        .containsEntry("SHIPPER_FILES_AUDIT_FORMAT", "audit")
        .containsEntry("SHIPPER_FILES_AUDIT_LABELS", "component=kube-apiserver")
        .containsEntry("SHIPPER_FILES_KUBE_APISERVER_GLOBS", "/var/log/kube-apiserver.log,/var/log/kube-apiserver-*.log")
        .containsEntry("SHIPPER_FILES_KUBE_APISERVER_FORMAT", "text")
        .doesNotContainKey("SHIPPER_FILES_KUBE_APISERVER_LABELS");
  }

  @Test
  void refusesARelativeGlobABadFormatAndTheJournalUnderRootGroup() {
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(), Map.of("shipper.files[0].name", "x",
        "shipper.files[0].globs[0]", "var/log/x.log"))).hasMessageContaining("globs");
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(), Map.of("shipper.files[0].name", "x",
        "shipper.files[0].globs[0]", "/var/log/x.log", "shipper.files[0].format", "xml")))
        .hasMessageContaining("format");
    assertThatThrownBy(() -> RenderedChart.template(Optional.empty(), Map.of("shipper.journal.enabled", "true",
        "shipper.readAccess", "rootGroup"))).hasMessageContaining("shipper.journal needs readAccess=root");
  }

  @Test
  void prefixesTheTransactionalIdWithTheReleaseName() {
    DaemonSet prod = new RenderedChart(RenderedChart.parse(RenderedChart.template("prod", Optional.empty(), Map.of())))
        .all(DaemonSet.class).get(0);
    assertThat(env(container(prod.getSpec().getTemplate()))).containsEntry("SHIPPER_TRANSACTIONAL_ID_PREFIX", "prod");
    assertThat(env(container(shipperPod(RenderedChart.withDefaults()))))
        .containsEntry("SHIPPER_TRANSACTIONAL_ID_PREFIX", RenderedChart.RELEASE);
  }

  private static PodSpec shipperPod(RenderedChart chart) {
    return chart.one(DaemonSet.class, SHIPPER).getSpec().getTemplate().getSpec();
  }

  private static Map<String, Volume> hostPaths(PodSpec pod) {
    return pod.getVolumes().stream().filter(v -> v.getHostPath() != null)
        .collect(Collectors.toMap(v -> v.getHostPath().getPath(), v -> v));
  }

  private static VolumeMount mountOf(Container container, String volume) {
    return container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume)).findFirst()
        .orElseThrow(() -> new AssertionError("no mount of " + volume));
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }
}
