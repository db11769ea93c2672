package io.logpipe.sinks.s3;

import io.logpipe.sinks.worker.LogSink;
import io.logpipe.sinks.worker.RejectedRecord;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.SinkRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The S3 sink: each batch becomes gzip-compressed NDJSON objects laid out by {@link ObjectLayout}, put through an
 * {@link ObjectStore} (a local directory or S3). Objects are put synchronously, so {@link #flush} has nothing
 * left to do. The JDK's gzip header carries no timestamp or file name, so equal content gives equal bytes.
 */
public final class S3LayoutSink implements LogSink {

  private final ObjectLayout layout;
  private final ObjectStore store;
  private final EventJson json = new EventJson();

  public S3LayoutSink(ObjectLayout layout, ObjectStore store) {
    this.layout = layout;
    this.store = store;
  }

  @Override
  public List<RejectedRecord> write(SinkBatch batch) {
    for (ObjectLayout.ObjectGroup group : layout.group(batch)) {
      store.put(group.key(), encode(group.records()));
    }
    return List.of();
  }

  /** Gzip-compressed NDJSON, one line per event, in offset order. */
  byte[] encode(List<SinkRecord> records) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
      for (SinkRecord record : records) {
        json.write(record.event(), gzip);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public void flush() {}

  @Override
  public String target() {
    return store.target();
  }

  @Override
  public void close() {
    store.close();
  }
}
