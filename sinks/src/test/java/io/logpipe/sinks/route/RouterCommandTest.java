package io.logpipe.sinks.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.sinks.SinkName;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RouterCommandTest {

  @Test
  void turnsFlagsIntoSettingsThatWinOverTheEnvironment() {
    RouterCommand command = new RouterCommand();
    new CommandLine(command).parseArgs("--bootstrap-servers", "127.0.0.1:9092", "--default-sinks", "s3",
        "--rule", "errors.severity=>=ERROR", "--rule", "errors.sinks=loki,opensearch");

    RouterConfig config = RouterConfig.read(ConfigReader.of(RouterConfig.PREFIX, command.flags(),
        Map.of("ROUTER_DEFAULT_SINKS", "loki"), Optional.empty()));

    assertThat(config.stage().kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.routing().defaultSinks()).containsExactly(SinkName.S3);
    assertThat(config.describeRouting()).startsWith("errors: severity>=ERROR -> [loki, opensearch]");
  }
}
