package io.logpipe.shipper.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileId;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileEventRecordsTest {

  private static final Instant READ = Instant.parse("2026-11-21T03:00:00Z");

  private static List<LogEvent> events(FileSource source, String text, boolean[] continued, int[] starts,
      int[] lengths) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    FileSlice slice = new FileSlice(new FileId(1, 2, 3), "/var/log/x.log", new FileEventRecords("worker-1", source)
        .key(), 500, data, starts, lengths, continued, starts.length, 500 + data.length, 7, false, READ);
    List<LogEvent> events = new ArrayList<>();
    new FileEventRecords("worker-1", source).lines(slice, (topic, key, value) -> {
      assertThat(topic).isEqualTo(Topics.ENRICHED.name());
      assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("_node/worker-1/" + source.name() + "/_file");
      events.add(Topics.LOG_EVENT.decode(value));
    });
    return events;
  }

  @Test
  void makesAnEnrichedEventOfEachLineWithLabelsThatParsedFieldsDoNotOverride() {
    FileSource source = new FileSource("app-json", List.of("/var/log/x.log"), FileFormat.JSON,
        Map.of("team", "platform", "level", "from-label"));
    String text = "{\"level\":\"error\",\"msg\":\"boom\",\"team\":\"app\"}\nplain\n";

    List<LogEvent> events = events(source, text, new boolean[] {false, false}, new int[] {0, 44}, new int[] {43, 5});

    LogEvent first = events.get(0);
    assertThat(first.getMessage()).isEqualTo("{\"level\":\"error\",\"msg\":\"boom\",\"team\":\"app\"}");
    assertThat(first.getParsed().getSeverity()).isEqualTo("ERROR");
    assertThat(first.getParsed().getBody()).isEqualTo("boom");
    assertThat(first.getParsed().getAttributes()).containsEntry("team", "platform").containsEntry("level", "from-label")
        .containsEntry("msg", "boom").containsEntry("source_type", "node_file").containsEntry("source", "app-json");
    assertThat(first.getSource().getFirstOffset()).isEqualTo(500L);
    assertThat(first.getSource().getFileId().getInode()).isEqualTo(2L);
    assertThat(first.getTimeUnixNano()).isEqualTo(READ.getEpochSecond() * 1_000_000_000L);
    assertThat(first.getKubernetes().getNamespace()).isEqualTo("_node");
    assertThat(first.getKubernetes().getContainer()).isEqualTo("_file");
    assertThat(first.getFlags()).containsExactly("node_file");
    assertThat(events.get(1).getFlags()).containsExactly("node_file", "unparsed");
    assertThat(events.get(1).getSource().getFirstOffset()).isEqualTo(544L);
  }

  @Test
  void flagsEveryPieceOfACutLineButTheLastAsSplit() {
    FileSource source = new FileSource("audit", List.of("/var/log/a.log"), FileFormat.AUDIT, Map.of());

    List<LogEvent> events = events(source, "aaaabbbbcc\n", new boolean[] {true, true, false}, new int[] {0, 4, 8},
        new int[] {4, 4, 2});

    assertThat(events).extracting(LogEvent::getMessage).containsExactly("aaaa", "bbbb", "cc");
    assertThat(events).extracting(LogEvent::getFlags).containsExactly(List.of("node_file", "split"),
        List.of("node_file", "split"), List.of("node_file", "unparsed"));
  }
}
