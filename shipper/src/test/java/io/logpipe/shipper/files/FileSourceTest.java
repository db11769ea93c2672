package io.logpipe.shipper.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileSourceTest {

  private static List<FileSource> read(Map<String, String> env) {
    ConfigReader r = ConfigReader.of("SHIPPER", env, Optional.empty());
    List<FileSource> sources = FileSource.readAll(r);
    r.done();
    return sources;
  }

  @Test
  void noSourceIsReadUnlessNamed() {
    assertThat(read(Map.of("SHIPPER_FILES_AUDIT_GLOBS", "/var/log/kubernetes/audit/*.log"))).isEmpty();
  }

  @Test
  void readsEachNamedSourceWithItsGlobsFormatAndLabels() {
    List<FileSource> sources = read(Map.of(
        "SHIPPER_FILES", "audit,kube-apiserver",
        "SHIPPER_FILES_AUDIT_GLOBS", "/var/log/kubernetes/audit/*.log",
        "SHIPPER_FILES_AUDIT_FORMAT", "audit",
        "SHIPPER_FILES_AUDIT_LABELS", "component=kube-apiserver, log=audit",
        "SHIPPER_FILES_KUBE_APISERVER_GLOBS", "/var/log/kube-apiserver.log,/var/log/kube-apiserver/**.log"));

    assertThat(sources).containsExactly(
        new FileSource("audit", List.of("/var/log/kubernetes/audit/*.log"), FileFormat.AUDIT,
            Map.of("component", "kube-apiserver", "log", "audit")),
        new FileSource("kube-apiserver", List.of("/var/log/kube-apiserver.log", "/var/log/kube-apiserver/**.log"),
            FileFormat.TEXT, Map.of()));
  }

  @Test
  void reportsEveryProblemOfEverySourceAtOnce() {
    assertThatThrownBy(() -> read(Map.of(
        "SHIPPER_FILES", "audit,Bad_Name,nolist,relative,root",
        "SHIPPER_FILES_AUDIT_GLOBS", "/var/log/audit/*.log",
        "SHIPPER_FILES_AUDIT_FORMAT", "xml",
        "SHIPPER_FILES_AUDIT_LABELS", "novalue",
        "SHIPPER_FILES_RELATIVE_GLOBS", "var/log/*.log",
        "SHIPPER_FILES_ROOT_GLOBS", "/**")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SHIPPER_FILES_AUDIT_FORMAT")
        .hasMessageContaining("'novalue' is not key=value")
        .hasMessageContaining("'Bad_Name' is not a name")
        .hasMessageContaining("SHIPPER_FILES_NOLIST_GLOBS")
        .hasMessageContaining("'var/log/*.log' is not absolute")
        .hasMessageContaining("'/**' has no literal directory");
  }

  @Test
  void refusesASourceNamedTwice() {
    assertThatThrownBy(() -> read(Map.of("SHIPPER_FILES", "a,a", "SHIPPER_FILES_A_GLOBS", "/var/log/a.log")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("twice");
  }
}
