package io.logpipe.shipper.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.shipper.source.NodeLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text (klog-aware) and JSON-lines formats of extra file sources. */
class FileLinesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I1121 02:15:28.123456       1 controller.go:615] quota admission added evaluator|INFO|controller.go:615",
      "W1121 02:15:28.123456    4242 reflector.go:547] watch of *v1.Pod ended|WARN|reflector.go:547",
      "E1121 02:15:28.000001       9 server.go:12] unable to authenticate|ERROR|server.go:12",
      "F1121 02:15:28.000001       9 main.go:1] exiting|FATAL|main.go:1"})
  void readsTheSeverityAndSourceOfAKlogLine(String text, String severity, String source) {
    NodeLine line = TextLine.parse(text);

    assertThat(line.severity()).isEqualTo(severity);
    assertThat(line.attributes()).containsEntry("klog.source", source);
    assertThat(line.body()).isEqualTo(text.substring(text.indexOf("] ") + 2));
    assertThat(line.unparsed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain text", "", "X1121 02:15:28.123456 1 a.go:1] not a klog level",
      "I1121 02:15:28 1 a.go:1] no microseconds"})
  void takesAnyOtherTextAsItIs(String text) {
    NodeLine line = TextLine.parse(text);

    assertThat(line.severity()).isNull();
    assertThat(line.attributes()).isEmpty();
    assertThat(line.unparsed()).isFalse();
  }

  @Test
  void flattensAJsonLineAndTakesItsLevelMessageAndTime() {
    NodeLine line = JsonLine.parse("{\"level\":\"warning\",\"msg\":\"disk almost full\","
        + "\"time\":\"2026-11-21T02:15:28.5Z\",\"disk\":{\"device\":\"/dev/sda1\",\"used\":0.93},\"tags\":[\"a\",\"b\"],"
        + "\"none\":null}");

    assertThat(line.severity()).isEqualTo("WARN");
    assertThat(line.body()).isEqualTo("disk almost full");
    assertThat(line.timeText()).isEqualTo("2026-11-21T02:15:28.5Z");
    assertThat(line.timeUnixNano()).isEqualTo(1_795_227_328_500_000_000L);
    assertThat(line.attributes()).containsEntry("disk.device", "/dev/sda1").containsEntry("disk.used", "0.93")
        .containsEntry("tags", "[\"a\",\"b\"]").doesNotContainKey("none");
  }

  @Test
  void keepsAtMostTheFieldLimitAndCountsTheRest() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < JsonLine.MAX_FIELDS + 5; i++) {
      json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
    }
    NodeLine line = JsonLine.parse(json.append('}').toString());

    assertThat(line.attributes()).hasSize(JsonLine.MAX_FIELDS + 1).containsEntry("_fields_dropped", "5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "[1]", "\"string\"", "{\"unterminated\":"})
  void shipsWhatIsNotAJsonObjectFlaggedUnparsed(String text) {
    assertThat(JsonLine.parse(text).unparsed()).isTrue();
  }

  @Test
  void leavesATimeThatIsNotRfc3339AsAnAttribute() {
    NodeLine line = JsonLine.parse("{\"ts\":1732155328.5,\"level\":\"nonsense\"}");

    assertThat(line.timeUnixNano()).isNull();
    assertThat(line.severity()).isNull();
    assertThat(line.attributes()).containsEntry("ts", "1.7321553285E9");
  }
}
