package io.logpipe.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Source;
import io.logpipe.sinks.TestEvents;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventJsonTest {

  private static String json(LogEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new EventJson().write(event, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesOneLineWithFieldsInFixedOrderAndSortedMaps() {
    String line = json(TestEvents.event("payments", TestEvents.TIME, 120, "charge failed \"x\"\nat Foo"));

    assertThat(line).isEqualTo("{\"time\":\"2023-11-14T22:13:20.123456789Z\","
        + "\"time_text\":\"2023-11-14T22:13:20.123456789Z\",\"stream\":\"stdout\","
        + "\"message\":\"charge failed \\\"x\\\"\\nat Foo\",\"severity\":\"ERROR\",\"body\":\"card declined\","
        + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
        + "\"attributes\":{\"http.status\":\"402\",\"user.id\":\"42\"},"
        + "\"kubernetes\":{\"namespace\":\"payments\",\"pod\":\"api-7d9f\",\"pod_uid\":\"0a1b-uid\","
        + "\"container\":\"server\",\"container_image\":\"ghcr.io/acme/api:1.4\",\"node\":\"node-1\","
        + "\"owner_kind\":\"Deployment\",\"owner_name\":\"api\",\"pod_labels\":{\"app\":\"api\",\"tier\":\"front\"}},"
        + "\"source\":{\"node\":\"node-1\",\"path\":\"/var/log/pods/payments_api-7d9f_0a1b-uid/server/0.log\","
        + "\"file_id\":{\"device\":2049,\"inode\":77,\"fingerprint\":-5},\"first_offset\":120,\"last_offset\":120,"
        + "\"line_count\":1},\"flags\":[\"split\"],\"redactions\":{\"email\":1}}\n");
  }

  @Test
  void leavesOutWhatTheEventDoesNotCarry() {
    LogEvent bare = LogEvent.newBuilder().setTimeUnixNano(0).setStream("").setMessage("m").setFlags(List.of())
        .setSource(Source.newBuilder().setNode("n").setPath("p").setFirstOffset(0).setLastOffset(0).setLineCount(1)
            .build())
        .build();

    assertThat(json(bare)).isEqualTo("{\"time\":\"1970-01-01T00:00:00.000000000Z\",\"stream\":\"\",\"message\":\"m\","
        + "\"source\":{\"node\":\"n\",\"path\":\"p\",\"first_offset\":0,\"last_offset\":0,\"line_count\":1}}\n");
  }

  @ParameterizedTest
  @CsvSource({
      "1700000000123456789, 2023-11-14T22:13:20.123456789Z",
      "1700000000000000000, 2023-11-14T22:13:20.000000000Z",
      "1, 1970-01-01T00:00:00.000000001Z",
      "-1, 1969-12-31T23:59:59.999999999Z"})
  void formatsTimeAsRfc3339WithNineFractionDigits(long unixNano, String expected) {
    assertThat(EventJson.formatTime(unixNano)).isEqualTo(expected);
  }
}
