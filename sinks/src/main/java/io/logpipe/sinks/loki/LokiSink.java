package io.logpipe.sinks.loki;

import io.logpipe.sinks.StreamOf;
import io.logpipe.sinks.worker.LogSink;
import io.logpipe.sinks.worker.RejectedRecord;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.SinkRecord;
import io.logpipe.sinks.worker.TransientSinkException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xerial.snappy.Snappy;

/**
 * The Loki sink: Loki's push API with snappy-compressed protobuf ({@code POST /loki/api/v1/push},
 * {@code Content-Type: application/x-protobuf}), one request per tenant ({@code X-Scope-OrgID}) per batch.
 *
 * <p>429 and 5xx (and an unreachable Loki) are transient: the batch is retried whole, and tenants that had already
 * taken it drop the repeated entries as duplicates. Any other 4xx sends that request's records to the dead-letter
 * topic with Loki's answer (Loki keeps the valid entries of a partly refused push).
 */
public final class LokiSink implements LogSink {

  private final LokiSettings settings;
  private final URI pushUrl;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final CardinalityGuard guard;

  public LokiSink(LokiSettings settings, InstantSource clock) {
    this.settings = settings;
    String url = settings.url().toString();
    this.pushUrl = url.endsWith("/push") ? settings.url()
        : URI.create(url.endsWith("/") ? url : url + "/").resolve("loki/api/v1/push");
    this.guard = new CardinalityGuard(settings.maxLabelValues(), settings.cardinalityWindow(), clock);
  }

  @Override
  public List<RejectedRecord> write(SinkBatch batch) {
    Map<String, Map<String, List<SinkRecord>>> byTenant = new TreeMap<>();
    for (SinkRecord record : batch.records()) {
      String tenant = settings.tenantOf(StreamOf.of(record.key(), record.event()).namespace());
      Map<String, String> labels = new TreeMap<>();
      LokiLabels.labels(record, settings.labels()).forEach((name, value) -> labels.put(name, guard.admit(name, value)));
      byTenant.computeIfAbsent(tenant, t -> new TreeMap<>())
          .computeIfAbsent(LokiLabels.render(labels), l -> new ArrayList<>()).add(record);
    }
    List<RejectedRecord> rejected = new ArrayList<>();
    byTenant.forEach((tenant, streams) -> rejected.addAll(push(tenant, streams)));
    return rejected;
  }

  /** Label values folded by the cardinality guard since start. */
  public long foldedLabelValues() {
    return guard.folded();
  }

  private List<RejectedRecord> push(String tenant, Map<String, List<SinkRecord>> streams) {
    HttpResponse<String> response;
    try {
      byte[] body = Snappy.compress(LokiPush.request(streams).toByteArray());
      HttpRequest.Builder request = HttpRequest.newBuilder(pushUrl).timeout(settings.requestTimeout())
          .header("Content-Type", "application/x-protobuf")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (!tenant.isEmpty()) {
        request.header("X-Scope-OrgID", tenant);
      }
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TransientSinkException(pushUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientSinkException("interrupted while pushing to " + pushUrl, e);
    }
    int status = response.statusCode();
    if (status < 300) {
      return List.of();
    }
    if (status == 429 || status >= 500) {
      throw new TransientSinkException(pushUrl + " answered " + status + " for tenant '" + tenant + "'");
    }
    String reason = response.body().lines().findFirst().orElse("").strip();
    List<RejectedRecord> rejected = new ArrayList<>();
    streams.values().forEach(records -> records.forEach(
        record -> rejected.add(new RejectedRecord(record, "loki_http_" + status, reason))));
    return rejected;
  }

  @Override
  public void flush() {}

  @Override
  public String target() {
    return pushUrl.toString();
  }

  @Override
  public void close() {}
}
