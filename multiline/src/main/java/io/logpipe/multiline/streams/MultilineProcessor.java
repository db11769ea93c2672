package io.logpipe.multiline.streams;

import io.logpipe.multiline.MultilineSettings;
import io.logpipe.multiline.assemble.AssembledEvent;
import io.logpipe.multiline.assemble.AssemblyMetrics;
import io.logpipe.multiline.assemble.ContainerAssembler;
import io.logpipe.multiline.assemble.Origin;
import io.logpipe.multiline.assemble.RawInput;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Source;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The Kafka Streams adapter around {@link ContainerAssembler}: one assembler per record key (container stream), its
 * pending state in the store, and a wall-clock punctuator that emits what has been quiet for the configured time.
 */
final class MultilineProcessor implements Processor<String, RawLine, String, LogEvent> {

  private final MultilineSettings settings;
  private final AssemblyMetrics metrics;
  private final Clock clock;
  private ProcessorContext<String, LogEvent> context;
  private PendingEvents pending;

  MultilineProcessor(MultilineSettings settings, AssemblyMetrics metrics, Clock clock) {
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, LogEvent> context) {
    this.context = context;
    KeyValueStore<String, byte[]> store = context.getStateStore(MultilineStep.STORE);
    this.pending = new PendingEvents(store, settings, metrics);
    context.schedule(settings.flushInterval(), PunctuationType.WALL_CLOCK_TIME, this::flushQuiet);
  }

  @Override
  public void process(Record<String, RawLine> record) {
    RawLine raw = record.value();
    if (raw == null) {
      return;
    }
    String key = record.key() == null ? "" : record.key();
    long now = clock.millis();
    ContainerAssembler assembler = pending.get(key, now);
    boolean wasEmpty = assembler.isEmpty();
    RawInput in = new RawInput(new Origin(raw.getNode(), raw.getPath(), raw.getFileId()), raw.getOffset(),
        bytes(raw.getLine()), raw.getContinued(), raw.getReadTime().toEpochMilli());
    String rejected = assembler.accept(in, now, e -> forward(key, e, record.timestamp()));
    pending.save(key, assembler, wasEmpty);
    if (rejected != null) {
      throw new UnparsedLineException(rejected);
    }
  }

  private void flushQuiet(long wallClockMillis) {
    long now = clock.millis();
    long quiet = settings.quietTime().toMillis();
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = pending.store().all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        keys.add(kv.key);
      }
    }
    for (String key : keys) {
      ContainerAssembler assembler = pending.get(key, now);
      if (assembler.flushIdle(now, quiet, e -> forward(key, e, wallClockMillis))) {
        pending.save(key, assembler, false);
      }
    }
  }

  private void forward(String key, AssembledEvent e, long timestamp) {
    context.forward(new Record<>(key, toLogEvent(e), timestamp));
  }

  static LogEvent toLogEvent(AssembledEvent e) {
    // Constructors, not Avro builders: builders deep-copy and resolve defaults per field, on the hot path.
    Origin o = e.origin();
    Source source = new Source(o == null || o.node() == null ? "" : o.node(),
        o == null || o.path() == null ? "" : o.path(), o == null ? null : o.fileId(), e.firstOffset(),
        e.lastOffset(), e.lineCount());
    return new LogEvent(e.timeUnixNano(), e.timeText(), e.stream(), e.message(), source,
        e.flags().isEmpty() ? new ArrayList<>(0) : new ArrayList<>(e.flags()), null, null, null);
  }

  private static byte[] bytes(ByteBuffer b) {
    if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.remaining() == b.array().length) {
      return b.array();
    }
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }
}
