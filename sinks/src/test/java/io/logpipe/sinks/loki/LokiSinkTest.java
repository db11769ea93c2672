package io.logpipe.sinks.loki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.loki4j.pkg.loki.protobuf.Push.EntryAdapter;
import com.github.loki4j.pkg.loki.protobuf.Push.StreamAdapter;
import io.logpipe.schemas.LogEvent;
import io.logpipe.sinks.TestEvents;
import io.logpipe.sinks.worker.RejectedRecord;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.SinkRecord;
import io.logpipe.sinks.worker.TransientSinkException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LokiSinkTest {

  private static final long SECOND = 1_000_000_000L;

  private final LokiReceiver loki;

  LokiSinkTest() throws Exception {
    loki = new LokiReceiver();
  }

  @AfterEach
  void stop() {
    loki.close();
  }

  private static SinkRecord record(long offset, String namespace, long time) {
    LogEvent event = TestEvents.event(namespace, time, offset * 10, namespace + " line " + offset);
    return new SinkRecord("logs.sink.loki.v1", 0, offset, TestEvents.key(namespace), event, 100);
  }

  private LokiSink sink(LokiSettings settings) {
    return new LokiSink(settings, InstantSource.system());
  }

  @Test
  void pushesSnappyProtobufStreamsWithLabelsMetadataAndEntriesInTimeOrder() {
    SinkBatch batch = new SinkBatch("logs.sink.loki.v1", 0, List.of(
        record(0, "ns-a", TestEvents.TIME + 2 * SECOND),
        record(1, "ns-b", TestEvents.TIME),
        record(2, "ns-a", TestEvents.TIME),
        record(3, "ns-a", TestEvents.TIME + SECOND)));

    assertThat(sink(LokiSettings.at(loki.url())).write(batch)).isEmpty();

    assertThat(loki.pushes).singleElement().satisfies(push -> {
      assertThat(push.tenant()).isNull();
      assertThat(push.request().getStreamsList()).extracting(StreamAdapter::getLabels).containsExactly(
          "{app=\"api\", container=\"server\", namespace=\"ns-a\", stream=\"stdout\"}",
          "{app=\"api\", container=\"server\", namespace=\"ns-b\", stream=\"stdout\"}");
      List<EntryAdapter> entries = push.request().getStreams(0).getEntriesList();
      assertThat(entries).extracting(EntryAdapter::getLine)
          .containsExactly("ns-a line 2", "ns-a line 3", "ns-a line 0");
      assertThat(entries.get(0).getTimestamp().getSeconds()).isEqualTo(1_700_000_000L);
      assertThat(entries.get(0).getTimestamp().getNanos()).isEqualTo(123_456_789);
      assertThat(entries.get(0).getStructuredMetadataList())
          .extracting(pair -> pair.getName() + "=" + pair.getValue())
          .containsExactly("node=node-1", "pod=api-7d9f", "pod_uid=0a1b-uid",
              "trace_id=4bf92f3577b34da6a3ce929d0e0e4736");
    });
  }

  @Test
  void sendsEachNamespaceToItsTenant() {
    LokiSettings settings = new LokiSettings(loki.url(), LokiSettings.DEFAULT_LABELS, "shared", true,
        Map.of("ns-a", "team-a"), 100, Duration.ofHours(1), Duration.ofSeconds(5));
    SinkBatch batch = new SinkBatch("t", 0, List.of(record(0, "ns-a", TestEvents.TIME),
        record(1, "ns-b", TestEvents.TIME)));

    sink(settings).write(batch);

    assertThat(loki.pushes).extracting(LokiReceiver.Push::tenant).containsExactlyInAnyOrder("team-a", "ns-b");
    assertThat(settings.tenantOf("")).isEqualTo("shared");
  }

  @Test
  void treats429And5xxAsTransientAndPushesTheSameEntriesWhenLokiIsBack() {
    loki.thenAnswer(429, "Ingestion rate limit exceeded").thenAnswer(500, "internal");
    LokiSink sink = sink(LokiSettings.at(loki.url()));
    SinkBatch batch = new SinkBatch("t", 0, List.of(record(0, "ns-a", TestEvents.TIME)));

    assertThatThrownBy(() -> sink.write(batch)).isInstanceOf(TransientSinkException.class).hasMessageContaining("429");
    assertThatThrownBy(() -> sink.write(batch)).isInstanceOf(TransientSinkException.class).hasMessageContaining("500");
    assertThat(sink.write(batch)).isEmpty();
    assertThat(loki.pushes).hasSize(1);
  }

  @Test
  void refusesForGoodWhatLokiAnswersWithOther4xx() {
    loki.thenAnswer(400, "entry for stream '{namespace=\"ns-a\"}' has timestamp too old\nmore");
    SinkBatch batch = new SinkBatch("t", 0, List.of(record(0, "ns-a", TestEvents.TIME),
        record(1, "ns-a", TestEvents.TIME)));

    List<RejectedRecord> rejected = sink(LokiSettings.at(loki.url())).write(batch);

    assertThat(rejected).hasSize(2).allSatisfy(r -> {
      assertThat(r.errorClass()).isEqualTo("loki_http_400");
      assertThat(r.reason()).isEqualTo("entry for stream '{namespace=\"ns-a\"}' has timestamp too old");
    });
  }

  @Test
  void foldsALabelWithTooManyValuesIntoOneAndCountsIt() {
    LokiSettings settings = new LokiSettings(loki.url(), List.of("namespace"), "", false, Map.of(), 2,
        Duration.ofHours(1), Duration.ofSeconds(5));
    LokiSink sink = sink(settings);
    SinkBatch batch = new SinkBatch("t", 0, List.of(record(0, "ns-a", TestEvents.TIME),
        record(1, "ns-b", TestEvents.TIME), record(2, "ns-c", TestEvents.TIME), record(3, "ns-a", TestEvents.TIME)));

    sink.write(batch);

    assertThat(loki.pushes.get(0).request().getStreamsList()).extracting(StreamAdapter::getLabels)
        .containsExactly("{namespace=\"_overflow\"}", "{namespace=\"ns-a\"}", "{namespace=\"ns-b\"}");
    assertThat(sink.foldedLabelValues()).isEqualTo(1);
  }
}
