package io.logpipe.shipper.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalConfigTest {

  private static Optional<JournalConfig> read(Map<String, String> env) {
    ConfigReader r = ConfigReader.of("SHIPPER", env, Optional.empty());
    Optional<JournalConfig> config = JournalConfig.read(r);
    r.done();
    return config;
  }

  @Test
  void isOffUnlessEnabled() {
    assertThat(read(Map.of("SHIPPER_JOURNAL_UNITS", "kubelet"))).isEmpty();
  }

  @Test
  void followsTheDefaultUnitsFromTheCurrentBootWithoutACursor() {
    JournalConfig c = read(Map.of("SHIPPER_JOURNAL_ENABLED", "true")).orElseThrow();

    assertThat(c.units()).containsExactly("kubelet", "containerd", "docker", "crio");
    assertThat(c.command(Optional.empty())).containsExactly("journalctl", "--output=json", "--follow", "--all",
        "--no-pager", "--unit=kubelet", "--unit=containerd", "--unit=docker", "--unit=crio", "--boot", "--no-tail");
  }

  @Test
  void goesOnAfterTheSavedCursorWhateverTheStartSetting() {
    JournalConfig c = read(Map.of("SHIPPER_JOURNAL_ENABLED", "true", "SHIPPER_JOURNAL_UNITS", "kubelet",
        "SHIPPER_JOURNALCTL", "/host/bin/journalctl", "SHIPPER_JOURNAL_DIRECTORY", "/var/log/journal",
        "SHIPPER_JOURNAL_START", "new")).orElseThrow();

    assertThat(c.command(Optional.of("s=a;i=1"))).containsExactly("/host/bin/journalctl", "--output=json",
        "--follow", "--all", "--no-pager", "--directory=/var/log/journal", "--unit=kubelet",
        "--after-cursor=s=a;i=1", "--no-tail");
    assertThat(c.command(Optional.empty())).endsWith("--unit=kubelet", "--lines=0");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> read(Map.of("SHIPPER_JOURNAL_ENABLED", "true", "SHIPPER_JOURNAL_UNITS", "--all",
        "SHIPPER_JOURNAL_START", "yesterday", "SHIPPER_JOURNAL_BATCH_ENTRIES", "0",
        "SHIPPER_JOURNAL_COMMIT_INTERVAL", "0s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SHIPPER_JOURNAL_UNITS")
        .hasMessageContaining("SHIPPER_JOURNAL_START")
        .hasMessageContaining("SHIPPER_JOURNAL_BATCH_ENTRIES")
        .hasMessageContaining("SHIPPER_JOURNAL_COMMIT_INTERVAL");
  }
}
