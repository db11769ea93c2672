package io.logpipe.redactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RedactorCommandTest {

  @Test
  void mapsFlagsToTheSettingsTheyOverride() {
    RedactorCommand command = new RedactorCommand();
    new CommandLine(command).parseArgs("--bootstrap-servers", "localhost:9092", "--policy", "/etc/redactor/policy.yaml",
        "--hash-key-file", "/var/run/secrets/key", "--http-port", "9090");

    assertThat(command.flags()).containsExactlyInAnyOrderEntriesOf(Map.of("BOOTSTRAP_SERVERS", "localhost:9092",
        "POLICY_FILE", "/etc/redactor/policy.yaml", "HASH_KEY_FILE", "/var/run/secrets/key", "HTTP_PORT", "9090"));
  }

  @Test
  void leavesUnsetFlagsToTheEnvironment() {
    RedactorCommand command = new RedactorCommand();
    new CommandLine(command).parseArgs();

    assertThat(command.flags()).isEmpty();
  }
}
