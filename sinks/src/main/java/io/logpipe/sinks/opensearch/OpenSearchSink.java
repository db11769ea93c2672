package io.logpipe.sinks.opensearch;

import io.logpipe.sinks.s3.EventJson;
import io.logpipe.sinks.worker.LogSink;
import io.logpipe.sinks.worker.RejectedRecord;
import io.logpipe.sinks.worker.RetryBackoff;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.SinkRecord;
import io.logpipe.sinks.worker.TransientSinkException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenSearch sink: each batch is one {@code _bulk} request, documents keyed by {@link DocumentId} so that a
 * retry overwrites. Items refused with 429 or 5xx are re-sent alone, item by item, for a bounded number of rounds
 * with back-off (where Vector drops them); items refused for good (mapping errors) are returned for the
 * dead-letter topic. The index template is installed before the first write.
 */
public final class OpenSearchSink implements LogSink {

  /** Waits between retry rounds; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    /** The real one: the thread waits for the duration. */
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  private static final String NDJSON = "application/x-ndjson";

  private final OpenSearchTransport http;
  private final IndexNaming naming;
  private final int maxItemRetries;
  private final RetryBackoff backoff;
  private final Sleeper sleeper;
  private final EventJson json = new EventJson("@timestamp");
  private boolean templateInstalled;
  private long itemRetries;

  public OpenSearchSink(OpenSearchTransport http, OpenSearchSettings settings, RetryBackoff backoff, Sleeper sleeper) {
    this.http = http;
    this.naming = new IndexNaming(settings.mode(), settings.indexPrefix());
    this.maxItemRetries = settings.maxItemRetries();
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  /** The sink over HTTP, sleeping between rounds of item retries. */
  public static OpenSearchSink create(OpenSearchSettings settings) {
    return new OpenSearchSink(OpenSearchTransport.http(settings), settings,
        RetryBackoff.of(Duration.ofMillis(100), Duration.ofSeconds(5)), Sleeper.REAL);
  }

  @Override
  public List<RejectedRecord> write(SinkBatch batch) {
    ensureTemplate();
    List<BulkItem> pending = new ArrayList<>(batch.size());
    for (SinkRecord record : batch.records()) {
      pending.add(new BulkItem(record, naming.indexOf(record), DocumentId.of(record.event()),
          json.toBytes(record.event())));
    }
    List<RejectedRecord> rejected = new ArrayList<>();
    for (int round = 0; ; round++) {
      BulkOutcome outcome = bulk(pending);
      rejected.addAll(outcome.rejected());
      pending = outcome.retry();
      if (pending.isEmpty()) {
        return rejected;
      }
      if (round >= maxItemRetries) {
        throw new TransientSinkException(pending.size() + " documents still refused with 429/5xx after "
            + (round + 1) + " bulk requests");
      }
      itemRetries += pending.size();
      pause(backoff.delay(round));
    }
  }

  /** Items re-sent after a 429 or 5xx, since start. */
  public long itemRetries() {
    return itemRetries;
  }

  private BulkOutcome bulk(List<BulkItem> items) {
    OpenSearchTransport.Response response = exchange("POST", "_bulk", NDJSON, body(items));
    try {
      return BulkOutcome.parse(response.body(), items);
    } catch (IOException e) {
      throw new TransientSinkException("unreadable bulk response from " + http.target() + ": " + e.getMessage(), e);
    }
  }

  private byte[] body(List<BulkItem> items) {
    String action = naming.mode() == IndexMode.DATA_STREAM ? "create" : "index";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (BulkItem item : items) {
      body.writeBytes(("{\"" + action + "\":{\"_index\":\"" + item.index() + "\",\"_id\":\"" + item.id() + "\"}}\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(item.document());
      body.write('\n');
    }
    return body.toByteArray();
  }

  private void ensureTemplate() {
    if (!templateInstalled) {
      exchange("PUT", "_index_template/" + IndexTemplate.name(naming.prefix()), "application/json",
          IndexTemplate.body(naming).getBytes(StandardCharsets.UTF_8));
      templateInstalled = true;
    }
  }

  /** One request; unreachable, 429 and 5xx are transient, other errors mean a deployment problem. */
  private OpenSearchTransport.Response exchange(String method, String path, String type, byte[] body) {
    OpenSearchTransport.Response response;
    try {
      response = http.send(method, path, type, body);
    } catch (IOException e) {
      throw new TransientSinkException(http.target() + path + ": " + e, e);
    }
    int status = response.status();
    if (status == 429 || status >= 500) {
      throw new TransientSinkException(method + " " + http.target() + path + " answered " + status);
    }
    if (status >= 300) {
      throw new IllegalStateException(method + " " + http.target() + path + " answered " + status + ": "
          + new String(response.body(), 0, Math.min(response.body().length, 300), StandardCharsets.UTF_8));
    }
    return response;
  }

  private void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientSinkException("interrupted while backing off", e);
    }
  }

  @Override
  public void flush() {}

  @Override
  public String target() {
    return http.target();
  }

  @Override
  public void close() {
    http.close();
  }
}
