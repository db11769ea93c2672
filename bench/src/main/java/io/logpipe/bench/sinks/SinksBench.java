package io.logpipe.bench.sinks;

import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.Source;
import io.logpipe.sinks.SinkName;
import io.logpipe.sinks.route.Conditions;
import io.logpipe.sinks.route.RouteRule;
import io.logpipe.sinks.route.RoutingTable;
import io.logpipe.sinks.s3.ObjectLayout;
import io.logpipe.sinks.s3.ObjectStore;
import io.logpipe.sinks.s3.S3LayoutSink;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.SinkRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The sinks' CPU hot paths, events per second: the router's decision with a realistic rule set, and turning a
 * 1000-event batch into S3 objects (grouping, NDJSON, gzip) with the transport taken out (a store that only
 * counts bytes), i.e. the ceiling of one S3 worker before I/O.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SinksBench {

  private static final int BATCH = 1000;

  private RoutingTable table;
  private List<SinkRecord> records;
  private SinkBatch batch;
  private S3LayoutSink s3;
  private long bytes;

  @Setup
  public void setUp() {
    table = new RoutingTable(List.of(
        new RouteRule("errors", List.of(Conditions.severity(">=ERROR")), Set.of(SinkName.LOKI, SinkName.OPENSEARCH)),
        new RouteRule("payments", List.of(Conditions.namespace(List.of("payments-*")),
            Conditions.message("card (declined|expired)")), Set.of(SinkName.OPENSEARCH)),
        new RouteRule("front", List.of(Conditions.labels("tier=front")), Set.of(SinkName.LOKI))),
        Set.of(SinkName.S3));
    records = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      String ns = i % 3 == 0 ? "payments-eu" : "shop";
      records.add(new SinkRecord("logs.sink.s3.v1", 0, i, ns + "/api-7d9f/uid/server", event(ns, i), 400));
    }
    batch = new SinkBatch("logs.sink.s3.v1", 0, records);
    s3 = new S3LayoutSink(new ObjectLayout("bench"), new ObjectStore() {
      @Override
      public void put(String key, byte[] body) {
        bytes += body.length;
      }

      @Override
      public String target() {
        return "bench://";
      }

      @Override
      public void close() {}
    });
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void route(Blackhole hole) {
    for (SinkRecord record : records) {
      hole.consume(table.route(record.key(), record.event()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long s3Objects() {
    s3.write(batch);
    return bytes;
  }

  /** A realistic enriched event of namespace {@code ns}, number {@code i}, one millisecond after the previous. */
  static LogEvent event(String ns, int i) {
    return LogEvent.newBuilder()
        .setTimeUnixNano(1_700_000_000_000_000_000L + i * 1_000_000L)
        .setStream("stdout")
        .setMessage(i % 7 == 0 ? "charge failed: card declined for order " + i
            : "GET /api/v1/orders/" + i + " 200 12ms user-agent=Mozilla/5.0 (X11; Linux x86_64)")
        .setFlags(List.of())
        .setSource(Source.newBuilder().setNode("node-1").setPath("/var/log/pods/" + ns + "_api_uid/server/0.log")
            .setFileId(FileIdentity.newBuilder().setDevice(2049).setInode(77).setFingerprint(5).build())
            .setFirstOffset(i * 120L).setLastOffset(i * 120L).setLineCount(1).build())
        .setKubernetes(KubernetesMetadata.newBuilder().setNamespace(ns).setPod("api-7d9f").setPodUid("uid")
            .setContainer("server").setNode("node-1").setOwnerKind("Deployment").setOwnerName("api")
            .setPodLabels(Map.of("app", "api", "tier", i % 2 == 0 ? "front" : "back"))
            .setPodAnnotations(Map.of()).setNamespaceLabels(Map.of()).setNodeLabels(Map.of()).build())
        .setParsed(ParsedBody.newBuilder().setSeverity(i % 10 == 0 ? "ERROR" : "INFO")
            .setAttributes(Map.of("http.method", "GET", "http.status", "200")).build())
        .build();
  }
}
