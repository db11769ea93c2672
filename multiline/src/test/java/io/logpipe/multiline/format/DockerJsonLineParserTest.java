package io.logpipe.multiline.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerJsonLineParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"log\":\"hello\\n\",\"stream\":\"stdout\",\"time\":\"2016-10-05T00:00:30.082640485Z\"}|stdout|false|hello",
      "{\"log\":\"half\",\"stream\":\"stderr\",\"time\":\"2016-10-05T00:00:30.082640485Z\"}|stderr|true|half",
      "{\"log\":\"a\\tb \\\"q\\\"\\n\",\"stream\":\"stdout\",\"attrs\":{\"x\":[1,2]},\"time\":\"2016-10-05T00:00:30Z\"}|stdout|false|`a\tb \"q\"`",
      "{\"log\":\"\\n\",\"stream\":\"stdout\",\"time\":\"2016-10-05T00:00:30Z\"}|stdout|false|``",
  })
  void readsValidLines(String line, String stream, boolean partial, String content) {
    ParseResult r = LineFormat.AUTO.parse(line.getBytes(StandardCharsets.UTF_8));
    assertThat(r).isInstanceOf(ParseResult.Parsed.class);
    RuntimeLine l = ((ParseResult.Parsed) r).line();
    assertThat(l.stream()).isEqualTo(stream);
    assertThat(l.partial()).isEqualTo(partial);
    assertThat(l.content()).isEqualTo(content);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{|docker_bad_json",
      "123|docker_not_object",
      "{}|docker_no_log",
      "{\"log\": \"Hello\", \"stream\": \"stdout\"}|docker_no_time",
      "{\"log\": \"Hello\", \"stream\": \"stdout\", \"time\": 123}|docker_no_time",
      "{\"log\": \"Hello\", \"stream\": \"stdout\", \"time\": \"qwerty\"}|docker_bad_time",
      "{\"log\": 123, \"stream\": \"stderr\", \"time\": \"2016-10-05T00:00:30.082640485Z\"}|docker_no_log",
      "{\"log\": \"x\", \"time\": \"2016-10-05T00:00:30.082640485Z\"}|docker_no_stream",
      "{\"log\":\"x\\n\",\"stream\":\"stdout\",\"time\":\"2016-10-05T00:00:30Z\"} trailing|docker_bad_json",
  })
  void rejectsInvalidLines(String line, String reason) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    assertThat(DockerJsonLineParser.parse(b, b.length)).isEqualTo(new ParseResult.Rejected(reason));
  }
}
