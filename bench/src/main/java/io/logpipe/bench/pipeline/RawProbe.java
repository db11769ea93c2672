package io.logpipe.bench.pipeline;

import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Topics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The second probe of the latency run: reads {@code logs.raw.v1} read_committed, as the stages do, and keeps for
 * each raw line three instants of its way from the file to the topic: the shipper's read ({@code RawLine.readTime}),
 * its hand-over to the producer (the record's CreateTime: the shipper sets no timestamp, so the producer stamps
 * {@code send}) and the moment it became readable here (its transaction committed). {@link HopTrace} joins them
 * with the sink probe's events by file and offset. Bounded: lines beyond {@code capacity} are not kept.
 */
final class RawProbe implements AutoCloseable {

  /** When one raw line was read by the shipper, sent to the producer, readable on the topic (epoch nanos). */
  record Seen(long read, long sent, long visible) {}

  private final FileOffsets keys;
  private final int capacity;
  private final Map<Long, Seen> seen = new HashMap<>();
  private final TopicTail tail;

  RawProbe(String bootstrap, FileOffsets keys, int capacity, Clock clock) {
    this.keys = keys;
    this.capacity = capacity;
    this.tail = new TopicTail(bootstrap, Topics.RAW.name(), clock, "raw-probe", this::arrived);
  }

  private void arrived(ConsumerRecords<byte[], byte[]> records, long now) {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      if (seen.size() >= capacity) {
        return;
      }
      RawLine line = Topics.RAW_LINE.decode(r.value());
      seen.put(keys.of(line.getPath(), line.getOffset()),
          new Seen(TopicTail.nanos(line.getReadTime()), r.timestamp() * 1_000_000L, now));
    }
  }

  /** Stops reading; what was seen, by {@link FileOffsets#of} key. */
  Map<Long, Seen> finish() throws InterruptedException {
    tail.stop();
    return seen;
  }

  @Override
  public void close() {
    tail.close();
  }
}
