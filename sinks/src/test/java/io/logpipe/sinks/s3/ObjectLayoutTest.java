package io.logpipe.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.LogEvent;
import io.logpipe.sinks.TestEvents;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.SinkRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectLayoutTest {

  private static final long HOUR = 3_600_000_000_000L;

  private static SinkRecord record(long offset, String namespace, long time) {
    LogEvent event = TestEvents.event(namespace, time, offset * 10, "m" + offset);
    return new SinkRecord("logs.sink.s3.v1", 3, offset, TestEvents.key(namespace), event, 100);
  }

  @Test
  void namesObjectsByNamespaceUtcHourPartitionAndFirstOffset() {
    SinkBatch batch = new SinkBatch("logs.sink.s3.v1", 3, List.of(
        record(40, "payments", TestEvents.TIME),
        record(41, "shop", TestEvents.TIME),
        record(42, "payments", TestEvents.TIME + HOUR),
        record(43, "payments", TestEvents.TIME)));

    List<ObjectLayout.ObjectGroup> groups = new ObjectLayout("archive/logs/").group(batch);

    assertThat(groups).extracting(ObjectLayout.ObjectGroup::key).containsExactly(
        "archive/logs/namespace=payments/dt=2023-11-14/hour=22/logs.sink.s3.v1+3+40.ndjson.gz",
        "archive/logs/namespace=shop/dt=2023-11-14/hour=22/logs.sink.s3.v1+3+41.ndjson.gz",
        "archive/logs/namespace=payments/dt=2023-11-14/hour=23/logs.sink.s3.v1+3+42.ndjson.gz");
    assertThat(groups.get(0).records()).extracting(SinkRecord::offset).containsExactly(40L, 43L);
  }

  @Test
  void crossesTheDayBoundaryInUtcAndHasNoLeadingSlashWithoutPrefix() {
    SinkBatch batch = new SinkBatch("t", 0, List.of(record(7, "shop", TestEvents.TIME + 2 * HOUR)));

    assertThat(new ObjectLayout("").group(batch)).extracting(ObjectLayout.ObjectGroup::key)
        .containsExactly("namespace=shop/dt=2023-11-15/hour=00/t+0+7.ndjson.gz");
  }

  @Test
  void namesTheSameObjectForTheSameFirstRecordWhateverFollows() {
    ObjectLayout layout = new ObjectLayout("p");
    SinkBatch shorter = new SinkBatch("t", 0, List.of(record(5, "shop", TestEvents.TIME)));
    SinkBatch longer = new SinkBatch("t", 0, List.of(record(5, "shop", TestEvents.TIME),
        record(6, "shop", TestEvents.TIME), record(7, "ops", TestEvents.TIME)));

    assertThat(layout.group(longer).get(0).key()).isEqualTo(layout.group(shorter).get(0).key());
  }
}
