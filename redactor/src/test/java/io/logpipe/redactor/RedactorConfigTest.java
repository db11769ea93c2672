package io.logpipe.redactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.redactor.policy.Action;
import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactorConfigTest {
  @TempDir
  Path dir;

  private static RedactorConfig read(Map<String, String> env) {
    return RedactorConfig.read(ConfigReader.of(RedactorConfig.PREFIX, env, Optional.empty()));
  }

  @Test
  void runsTheDefaultPolicyWithNoPolicyFile() {
    RedactorConfig config = read(Map.of("REDACTOR_BOOTSTRAP_SERVERS", "localhost:9092"));

    assertThat(config.stage().applicationId()).isEqualTo("logpipe-redactor");
    assertThat(config.policies().defaultPolicy().action("email")).isEqualTo(Action.MASK);
    assertThat(config.policies().defaultPolicy().action("ipv4")).isEqualTo(Action.OFF);
    assertThat(config.hasher()).isNull();
  }

  @Test
  void loadsThePolicyAndTheHashKeyFromFiles() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), "default: {rules: {email: hash}}\n");
    Path key = Files.writeString(dir.resolve("key"), "0123456789abcdef0123\n");

    RedactorConfig config = read(Map.of("REDACTOR_BOOTSTRAP_SERVERS", "localhost:9092",
        "REDACTOR_POLICY_FILE", policy.toString(), "REDACTOR_HASH_KEY_FILE", key.toString(), "REDACTOR_HASH_LENGTH", "12"));

    assertThat(config.policies().defaultPolicy().action("email")).isEqualTo(Action.HASH);
    assertThat(config.hasher().token("jane@example.com")).hasSize(12);
    assertThat(config.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void reportsEveryProblemAtOnceIncludingThePolicyFiles() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), "default: {rules: {emial: mask, email: hash}}\n");

    assertThatThrownBy(() -> read(Map.of("REDACTOR_POLICY_FILE", policy.toString(), "REDACTOR_HASH_LENGTH", "3")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REDACTOR_POLICY_FILE")
        .hasMessageContaining("emial")
        .hasMessageContaining("REDACTOR_HASH_LENGTH");
  }

  @Test
  void refusesAHashingPolicyWithoutAKey() throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), "namespaces: {shop: {rules: {email: hash}}}\n");

    assertThatThrownBy(() -> read(Map.of("REDACTOR_BOOTSTRAP_SERVERS", "localhost:9092",
        "REDACTOR_POLICY_FILE", policy.toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("REDACTOR_HASH_KEY_FILE");
  }

  @Test
  void reportsAMissingPolicyFile() {
    assertThatThrownBy(() -> read(Map.of("REDACTOR_BOOTSTRAP_SERVERS", "localhost:9092",
        "REDACTOR_POLICY_FILE", dir.resolve("absent.yaml").toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
  }
}
