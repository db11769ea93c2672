package io.logpipe.multiline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.multiline.assemble.OverflowAction;
import io.logpipe.multiline.format.LineFormat;
import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultilineConfigTest {

  @TempDir
  Path dir;

  @Test
  void defaultsToAutoFormatOneSecondQuietTimeAndTruncation() {
    MultilineConfig c = MultilineConfig.read(ConfigReader.of("MULTILINE", Map.of(), Optional.empty()));
    assertThat(c.settings().format()).isEqualTo(LineFormat.AUTO);
    assertThat(c.settings().quietTime()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.settings().limits().overflow()).isEqualTo(OverflowAction.TRUNCATE);
    assertThat(c.stage().applicationId()).isEqualTo("logpipe-multiline");
  }

  @Test
  void flagsOverrideTheEnvironment() {
    MultilineConfig c = MultilineConfig.read(ConfigReader.of("MULTILINE", Map.of("OVERFLOW", "split"),
        Map.of("MULTILINE_OVERFLOW", "truncate", "MULTILINE_MAX_LINES", "50", "MULTILINE_QUIET_TIME", "3s"),
        Optional.empty()));
    assertThat(c.settings().limits().overflow()).isEqualTo(OverflowAction.SPLIT);
    assertThat(c.settings().limits().maxLines()).isEqualTo(50);
    assertThat(c.settings().quietTime()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void reportsEveryProblemAtOnceIncludingTheRulesFile() throws IOException {
    Path rules = Files.writeString(dir.resolve("r.json"), "{\"rules\": [{\"name\": \"x\", \"start\": \"(\"}]}");
    assertThatThrownBy(() -> MultilineConfig.read(ConfigReader.of("MULTILINE", Map.of(
        "MULTILINE_FORMAT", "xml", "MULTILINE_MAX_LINES", "0", "MULTILINE_QUIET_TIME", "soon",
        "MULTILINE_RULES_FILE", rules.toString()), Optional.empty())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MULTILINE_FORMAT").hasMessageContaining("MULTILINE_MAX_LINES")
        .hasMessageContaining("MULTILINE_QUIET_TIME").hasMessageContaining("start is not a valid regex");
  }
}
