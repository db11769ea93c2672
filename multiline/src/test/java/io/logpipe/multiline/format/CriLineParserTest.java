package io.logpipe.multiline.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriLineParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2024-01-01T00:00:00.000000000Z stdout F log message here|stdout|false|log message here",
      "2019-05-07T18:57:50.904275087+00:00 stderr P 1b. some |stderr|true|1b. some ",
      "2024-01-01T00:00:00.000000000-10:00 stdout F|stdout|false|''",
      "2024-01-01T00:00:00.000000000-10:00 stdout F  leading space|stdout|false|' leading space'",
      "2024-01-01T00:00:00Z stdout F:x tagged|stdout|false|tagged",
      "2024-01-01T00:00:00.5+05:30 stdout F Привет|stdout|false|Привет",
  })
  void readsValidLines(String line, String stream, boolean partial, String content) {
    ParseResult r = CriLineParser.parse(bytes(line), bytes(line).length);
    assertThat(r).isInstanceOf(ParseResult.Parsed.class);
    RuntimeLine l = ((ParseResult.Parsed) r).line();
    assertThat(l.stream()).isEqualTo(stream);
    assertThat(l.partial()).isEqualTo(partial);
    assertThat(l.content()).isEqualTo(content);
    assertThat(l.contentBytes()).isEqualTo(bytes(content).length);
    assertThat(l.timeText()).isEqualTo(line.substring(0, line.indexOf(' ')));
  }

  @ParameterizedTest(name = "{1}: [{0}]")
  @CsvSource(delimiter = '|', value = {
      "''|cri_no_timestamp",
      "2024-01-01T00:00:00.000000000-10:00|cri_no_timestamp",
      "2024-01-01T00:00:00.000000000-10:00 invalid F log|cri_bad_stream",
      "2024-01-01T00:00:00.000000000 stdout F log|cri_bad_timestamp",
      "3242 stderr F message|cri_bad_timestamp",
      "2017-09-12T22:32:21.212861448Z stdout|cri_no_tag",
      "2017-09-12T22:32:21.212861448Z stdout X message|cri_bad_tag",
      "2017-09-12T22:32:21.212861448Z stdout Full message|cri_bad_tag",
  })
  void rejectsInvalidLines(String line, String reason) {
    assertThat(CriLineParser.parse(bytes(line), bytes(line).length)).isEqualTo(new ParseResult.Rejected(reason));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
