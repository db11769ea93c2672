package io.logpipe.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.streams.StageSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class StageOptionsTest {

  @Command(name = "stage")
  static final class Stage implements Callable<Integer> {
    @Mixin StageOptions common;

    @Override
    public Integer call() {
      return 0;
    }
  }

  @Test
  void passesOnlyTheFlagsGivenUnderTheirSettingNames() {
    Stage stage = new Stage();
    new CommandLine(stage).parseArgs("--bootstrap-servers", "k:9092", "--http-port", "9000");
    assertThat(stage.common.flags()).containsExactly(Map.entry("BOOTSTRAP_SERVERS", "k:9092"),
        Map.entry("HTTP_PORT", "9000"));
  }

  @Test
  void flagsWinOverTheEnvironmentAndDefaultsNameTheStage() {
    Stage stage = new Stage();
    new CommandLine(stage).parseArgs("--application-id", "from-flag");
    ConfigReader r = ConfigReader.of("REDACTOR", stage.common.flags(),
        Map.of("REDACTOR_APPLICATION_ID", "from-env", "REDACTOR_BOOTSTRAP_SERVERS", "env:9092",
            "REDACTOR_STATE_DIR", "/var/lib/logpipe"), Optional.empty());
    StageSettings settings = StageSettings.read(r, "redactor");
    r.done();
    assertThat(settings.applicationId()).isEqualTo("from-flag");
    assertThat(settings.kafka().bootstrapServers()).isEqualTo("env:9092");
    assertThat(settings.stateDir()).isEqualTo(Path.of("/var/lib/logpipe"));
    assertThat(settings.http().port()).isEqualTo(8080);
  }
}
