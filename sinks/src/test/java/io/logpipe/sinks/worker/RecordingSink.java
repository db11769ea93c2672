package io.logpipe.sinks.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A sink that records the offsets of every batch it is given, and fails or refuses as told. */
final class RecordingSink implements LogSink {

  final List<List<Long>> writes = new CopyOnWriteArrayList<>();
  private int transientFailuresLeft;
  private Set<Long> refused = Set.of();
  private Runnable onWrite = () -> {};

  RecordingSink failingTransiently(int times) {
    transientFailuresLeft = times;
    return this;
  }

  RecordingSink refusing(Set<Long> offsets) {
    refused = offsets;
    return this;
  }

  RecordingSink onWrite(Runnable action) {
    onWrite = action;
    return this;
  }

  @Override
  public List<RejectedRecord> write(SinkBatch batch) {
    writes.add(batch.records().stream().map(SinkRecord::offset).toList());
    onWrite.run();
    if (transientFailuresLeft > 0) {
      transientFailuresLeft--;
      throw new TransientSinkException("backend unavailable (test)");
    }
    List<RejectedRecord> rejected = new ArrayList<>();
    Function<SinkRecord, RejectedRecord> refuse = r -> new RejectedRecord(r, "mapper_parsing_exception", "bad field");
    batch.records().stream().filter(r -> refused.contains(r.offset())).map(refuse).forEach(rejected::add);
    return rejected;
  }

  @Override
  public void flush() {}

  @Override
  public String target() {
    return "test://recording";
  }

  @Override
  public void close() {}
}
