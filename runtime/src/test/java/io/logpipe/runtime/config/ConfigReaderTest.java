package io.logpipe.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

  record Sample(int port, Duration pause) {
    static Sample read(ConfigReader r) {
      return new Sample(r.intInRange("PORT", 80, 1, 65_535), r.duration("WAIT", Duration.ofSeconds(1)));
    }
  }

  @Test
  void readOrReportGivesTheConfigurationWhenEverySettingIsValid() {
    ConfigReader r = ConfigReader.of("SVC", Map.of("SVC_PORT", "9000"), Optional.empty());
    assertThat(r.readOrReport("svc", Sample::read)).contains(new Sample(9000, Duration.ofSeconds(1)));
  }

  @Test
  void readOrReportGivesNothingWhenAnySettingIsInvalid() {
    ConfigReader r = ConfigReader.of("SVC", Map.of("SVC_PORT", "0", "SVC_WAIT", "soon"), Optional.empty());
    assertThat(r.readOrReport("svc", Sample::read)).isEmpty();
    assertThat(r.problems()).hasSize(2);
  }

  enum Mode { SPLIT, FUSED_ALL }

  @TempDir Path dir;

  private static ConfigReader env(Map<String, String> env) {
    return ConfigReader.of("MULTILINE", env, Optional.empty());
  }

  @Test
  void readsTypedValuesFromPrefixedVariables() {
    ConfigReader r = env(Map.of(
        "MULTILINE_NAME", "a", "MULTILINE_COUNT", "42", "MULTILINE_BIG", "9_000_000_000",
        "MULTILINE_ON", "yes", "MULTILINE_FLUSH_TIMEOUT", "1500ms", "MULTILINE_MAX_SIZE", "1MiB",
        "MULTILINE_NAMESPACES", "a, b,,c", "MULTILINE_MODE", "fused-all", "MULTILINE_DIR", "/var/lib/x"));
    assertThat(r.string("NAME", "z")).isEqualTo("a");
    assertThat(r.intValue("COUNT", 0)).isEqualTo(42);
    assertThat(r.longValue("BIG", 0)).isEqualTo(9_000_000_000L);
    assertThat(r.bool("ON", false)).isTrue();
    assertThat(r.duration("FLUSH_TIMEOUT", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
    assertThat(r.bytes("MAX_SIZE", 0)).isEqualTo(1_048_576L);
    assertThat(r.list("NAMESPACES", List.of())).containsExactly("a", "b", "c");
    assertThat(r.enumValue("MODE", Mode.class, Mode.SPLIT)).isEqualTo(Mode.FUSED_ALL);
    assertThat(r.path("DIR", Path.of("/"))).isEqualTo(Path.of("/var/lib/x"));
    r.done();
  }

  @Test
  void returnsDefaultsForAbsentSettings() {
    ConfigReader r = env(Map.of("OTHER_COUNT", "7", "COUNT", "8"));
    assertThat(r.intValue("COUNT", 3)).isEqualTo(3);
    assertThat(r.duration("FLUSH_TIMEOUT", Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    assertThat(r.list("NAMESPACES", List.of("kube-system"))).containsExactly("kube-system");
    r.done();
  }

  @Test
  void emptyStringIsAnEmptyListNotTheDefault() {
    ConfigReader r = env(Map.of("MULTILINE_EXCLUDE", ""));
    assertThat(r.list("EXCLUDE", List.of("kube-system"))).isEmpty();
  }

  @Test
  void blankNumbersFallBackToTheirDefault() {
    ConfigReader r = env(Map.of("MULTILINE_COUNT", " "));
    assertThat(r.intValue("COUNT", 3)).isEqualTo(3);
    r.done();
  }

  @Test
  void reportsEveryProblemAtOnceWithFullNames() {
    ConfigReader r = env(Map.of(
        "MULTILINE_FLUSH_TIMEOUT", "1x", "MULTILINE_COUNT", "many", "MULTILINE_MAX_SIZE", "huge",
        "MULTILINE_ON", "maybe", "MULTILINE_MODE", "sideways", "MULTILINE_PORT", "70000"));
    r.duration("FLUSH_TIMEOUT", Duration.ofSeconds(5));
    r.intValue("COUNT", 1);
    r.bytes("MAX_SIZE", 1);
    r.bool("ON", false);
    r.enumValue("MODE", Mode.class, Mode.SPLIT);
    assertThat(r.intInRange("PORT", 8080, 0, 65_535)).isEqualTo(8080);
    r.requiredString("NODE_NAME");
    r.check(false, "WINDOW", "must be shorter than FLUSH_TIMEOUT");

    ConfigException e = catchThrowableOfType(ConfigException.class, r::done);
    assertThat(e.problems()).containsExactly(
        "MULTILINE_FLUSH_TIMEOUT: '1x' is not a duration (e.g. 500ms, 5s, 10m, PT1M)",
        "MULTILINE_COUNT: 'many' is not an integer",
        "MULTILINE_MAX_SIZE: 'huge' is not a size in bytes (e.g. 1048576, 512KiB, 1MiB)",
        "MULTILINE_ON: 'maybe' is not a boolean (true/false)",
        "MULTILINE_MODE: 'sideways' is not one of split, fused-all",
        "MULTILINE_PORT: 70000 is outside [0, 65535]",
        "MULTILINE_NODE_NAME: is required but not set",
        "MULTILINE_WINDOW: must be shorter than FLUSH_TIMEOUT");
    assertThat(e).hasMessageStartingWith("invalid configuration (8 problems):")
        .hasMessageContaining("\n  MULTILINE_COUNT: 'many' is not an integer");
  }

  @Test
  void doneIsSilentWhenAllIsWell() {
    ConfigReader r = env(Map.of("MULTILINE_NODE_NAME", "n1"));
    assertThat(r.requiredString("NODE_NAME")).isEqualTo("n1");
    r.done();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void readsYamlInKebabNestedAndDottedForms() throws IOException {
    Path file = write("""
        bootstrap-servers: kafka:9092
        flush:
          timeout: 2s
        max.size: 64KiB
        namespaces: [a, b]
        kafka:
          linger-ms: 5
          security.protocol: SSL
        """);
    ConfigReader r = ConfigReader.of("MULTILINE", Map.of(), Optional.of(file));
    assertThat(r.string("BOOTSTRAP_SERVERS", "x")).isEqualTo("kafka:9092");
    assertThat(r.duration("FLUSH_TIMEOUT", Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
    assertThat(r.bytes("MAX_SIZE", 0)).isEqualTo(65_536L);
    assertThat(r.list("NAMESPACES", List.of())).containsExactly("a", "b");
    assertThat(r.prefixed("KAFKA_")).containsExactlyInAnyOrderEntriesOf(
        Map.of("LINGER_MS", "5", "SECURITY_PROTOCOL", "SSL"));
    r.done();
  }

  @Test
  void flagsWinOverEnvironmentWhichWinsOverYaml() throws IOException {
    Path file = write("a: yaml\nb: yaml\nc: yaml\n");
    ConfigReader r = ConfigReader.of("SHIPPER", Map.of("A", "flag"),
        Map.of("SHIPPER_A", "env", "SHIPPER_B", "env"), Optional.of(file));
    assertThat(r.string("A", "")).isEqualTo("flag");
    assertThat(r.string("B", "")).isEqualTo("env");
    assertThat(r.string("C", "")).isEqualTo("yaml");
    assertThat(r.string("D", "default")).isEqualTo("default");
  }

  @Test
  void aliasServesWhenThePrefixedVariableIsAbsent() {
    Map<String, String> downwardApi = Map.of("NODE_NAME", "node-a");
    assertThat(ConfigReader.of("SHIPPER", downwardApi, Optional.empty())
        .withAlias("NODE_NAME", "NODE_NAME").requiredString("NODE_NAME")).isEqualTo("node-a");
    assertThat(ConfigReader.of("SHIPPER", Map.of("NODE_NAME", "node-a", "SHIPPER_NODE_NAME", "node-b"),
        Optional.empty()).withAlias("NODE_NAME", "NODE_NAME").requiredString("NODE_NAME")).isEqualTo("node-b");
  }

  @Test
  void withoutAnAliasThePlainVariableIsIgnored() {
    ConfigReader r = ConfigReader.of("SHIPPER", Map.of("NODE_NAME", "node-a"), Optional.empty());
    r.requiredString("NODE_NAME");
    assertThat(r.problems()).containsExactly("SHIPPER_NODE_NAME: is required but not set");
  }

  @Test
  void unreadableYamlIsAProblemNamingTheFile() throws IOException {
    Path bad = write("a: [unclosed\n");
    Path missing = dir.resolve("missing.yaml");
    assertThat(ConfigReader.of("X", Map.of(), Optional.of(bad)).problems())
        .singleElement().asString().startsWith(bad + ": cannot read the YAML settings file");
    assertThatThrownBy(() -> ConfigReader.of("X", Map.of(), Optional.of(missing)).done())
        .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString());
  }

  @Test
  void describeListsEverySettingWithOriginAndMasksSecrets() {
    ConfigReader r = env(Map.of("MULTILINE_PASSWORD", "hunter2", "MULTILINE_COUNT", "4",
        "MULTILINE_KAFKA_SASL_JAAS_CONFIG", "org.Plain required password=\"p\";",
        "MULTILINE_KAFKA_LINGER_MS", "5"));
    Secret secret = r.secret("PASSWORD", "");
    r.intValue("COUNT", 1);
    r.duration("FLUSH_TIMEOUT", Duration.ofSeconds(5));
    r.prefixed("KAFKA_");

    assertThat(secret.reveal()).isEqualTo("hunter2");
    assertThat(secret).hasToString("****");
    assertThat(r.describe()).contains(
        "MULTILINE_PASSWORD=**** (env MULTILINE_PASSWORD)",
        "MULTILINE_COUNT=4 (env MULTILINE_COUNT)",
        "MULTILINE_FLUSH_TIMEOUT=PT5S (default)",
        "MULTILINE_KAFKA_SASL_JAAS_CONFIG=****",
        "MULTILINE_KAFKA_LINGER_MS=5")
        .doesNotContain("hunter2").doesNotContain("password=");
  }

  @Test
  void fromEnvironmentTakesFlagsAndTheConfigFileFlag() throws IOException {
    Path file = write("flush-timeout: 3s\nname: from-yaml\n");
    ConfigReader r = ConfigReader.fromEnvironment("LOGPIPE_UNUSED_TEST_PREFIX",
        Map.of("NAME", "from-flag", ConfigReader.CONFIG_FILE, file.toString()));
    assertThat(r.string("NAME", "")).isEqualTo("from-flag");
    assertThat(r.duration("FLUSH_TIMEOUT", Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
    r.done();
  }

  @Test
  void describeMasksSecretLookingNamesAndUrlCredentialsReadAsPlainStrings() {
    ConfigReader r = env(Map.of("MULTILINE_S3_SECRET_KEY", "abc123", "MULTILINE_ENDPOINT",
        "https://admin:pw@opensearch:9200/x", "MULTILINE_LIST", "http://a:b@h1,http://h2"));
    assertThat(r.string("S3_SECRET_KEY", "")).isEqualTo("abc123");
    assertThat(r.string("ENDPOINT", "")).isEqualTo("https://admin:pw@opensearch:9200/x");
    r.list("LIST", List.of());
    assertThat(r.describe()).contains("MULTILINE_S3_SECRET_KEY=****",
        "MULTILINE_ENDPOINT=https://****@opensearch:9200/x", "MULTILINE_LIST=[http://****@h1, http://h2]")
        .doesNotContain("abc123").doesNotContain("pw@");
  }

  @Test
  void emptySecretPrintsAsEmpty() {
    assertThat(new Secret("")).hasToString("");
    assertThat(new Secret("x")).isEqualTo(new Secret("x")).isNotEqualTo(new Secret("y"));
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "settings", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
