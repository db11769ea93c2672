package io.logpipe.schemas;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one registry of pipeline topics, their keys and their values (see DESIGN.md, "The flow").
 *
 * <p>Every topic from {@link #RAW} to the sink topics is keyed by {@link StreamKey} (as a string) and has the
 * same partition count, so one container's order holds end to end.
 */
public final class Topics {

  public static final AvroSerde<RawLine> RAW_LINE = AvroSerde.of(RawLine.class);
  public static final AvroSerde<LogEvent> LOG_EVENT = AvroSerde.of(LogEvent.class);
  public static final AvroSerde<FilePosition> FILE_POSITION = AvroSerde.of(FilePosition.class);

  private static final Serde<String> KEY = Serdes.String();

  /**
   * The largest record (batch) any pipeline topic accepts, and so the largest request every producer may send. The
   * broker's default (1 MiB) is below one maximum-size line (1 MiB by default) plus its envelope, which would make
   * such a line fail every transaction; events are bounded well below this by each stage's own limits.
   */
  public static final int MAX_RECORD_BYTES = 8 << 20;

  /** Raw lines from the shipper. Holds unredacted text: short retention and tight ACLs. */
  public static final Topic<String, RawLine> RAW = new Topic<>("logs.raw.v1", KEY, RAW_LINE);
  /** The shipper's file positions, written in the same transaction as the lines; compacted. Key: node/fileId. */
  public static final Topic<String, FilePosition> POSITIONS =
      new Topic<>("logs.positions.v1", KEY, FILE_POSITION);
  /** Reassembled events from the multiline stage. */
  public static final Topic<String, LogEvent> EVENTS = new Topic<>("logs.events.v1", KEY, LOG_EVENT);
  /** Events with Kubernetes metadata and parsed bodies. */
  public static final Topic<String, LogEvent> ENRICHED = new Topic<>("logs.enriched.v1", KEY, LOG_EVENT);
  /** Events with personal data and secrets removed; the last topic before routing. */
  public static final Topic<String, LogEvent> REDACTED = new Topic<>("logs.redacted.v1", KEY, LOG_EVENT);
  public static final Topic<String, LogEvent> SINK_LOKI = new Topic<>("logs.sink.loki.v1", KEY, LOG_EVENT);
  public static final Topic<String, LogEvent> SINK_OPENSEARCH =
      new Topic<>("logs.sink.opensearch.v1", KEY, LOG_EVENT);
  public static final Topic<String, LogEvent> SINK_S3 = new Topic<>("logs.sink.s3.v1", KEY, LOG_EVENT);
  /** Poison records from every stage: original key and value bytes, provenance in headers. */
  public static final Topic<byte[], byte[]> DLQ =
      new Topic<>("logs.dlq.v1", Serdes.ByteArray(), Serdes.ByteArray());

  /** The sink topic of a backend, by its name as used in configuration ({@code loki}, {@code opensearch}, {@code s3}). */
  public static Topic<String, LogEvent> sink(String backend) {
    return switch (backend) {
      case "loki" -> SINK_LOKI;
      case "opensearch" -> SINK_OPENSEARCH;
      case "s3" -> SINK_S3;
      default -> throw new IllegalArgumentException("unknown sink backend '" + backend + "' (loki, opensearch, s3)");
    };
  }

  /** Every topic of the pipeline, in flow order. */
  public static List<Topic<?, ?>> all() {
    return List.of(RAW, POSITIONS, EVENTS, ENRICHED, REDACTED, SINK_LOKI, SINK_OPENSEARCH, SINK_S3, DLQ);
  }

  /** True for topics that keep only the latest value per key. */
  public static boolean isCompacted(Topic<?, ?> topic) {
    return topic == POSITIONS;
  }

  private Topics() {}
}
