package io.logpipe.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.loki4j.pkg.loki.protobuf.Push.EntryAdapter;
import com.github.loki4j.pkg.loki.protobuf.Push.StreamAdapter;
import io.logpipe.sinks.InProcessOpenSearch;
import io.logpipe.sinks.InProcessS3;
import io.logpipe.sinks.loki.LokiReceiver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The three backends of one run and how each is read back, in the order it holds events: S3 objects by partition
 * and first offset (then line order), OpenSearch documents by index and {@code _seq_no} (indexing order; one
 * stream's documents share an index), Loki entries in push order, with exact repeats dropped as Loki's ingester
 * drops them (same stream, timestamp and line).
 */
final class Backends implements AutoCloseable {

  enum Backend { LOKI, OPENSEARCH, S3 }

  static final String BUCKET = "logs";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final InProcessOpenSearch openSearch;
  private final InProcessS3 s3;
  private final LokiReceiver loki;
  private volatile int lokiRepeats;

  private Backends(InProcessOpenSearch openSearch, InProcessS3 s3, LokiReceiver loki) {
    this.openSearch = openSearch;
    this.s3 = s3;
    this.loki = loki;
    s3.createBucket(BUCKET);
  }

  /** A real OpenSearch node (data under {@code openSearchDir}), S3Proxy and the Loki receiver, for one run. */
  static Backends start(Path openSearchDir) throws Exception {
    InProcessOpenSearch openSearch = InProcessOpenSearch.start(openSearchDir);
    try {
      return new Backends(openSearch, InProcessS3.start(), new LokiReceiver());
    } catch (Exception e) {
      openSearch.close();
      throw e;
    }
  }

  URI lokiUrl() {
    return loki.url();
  }

  URI openSearchUrl() {
    return openSearch.url();
  }

  URI s3Endpoint() {
    return s3.endpoint();
  }

  String s3Target() {
    return "s3://" + BUCKET + "/logpipe";
  }

  /** Entries Loki received more than once (dropped by {@link #read} as Loki drops them). */
  int lokiRepeats() {
    return lokiRepeats;
  }

  List<Delivered> read(Backend backend) {
    try {
      return switch (backend) {
        case S3 -> s3();
        case OPENSEARCH -> openSearch();
        case LOKI -> loki();
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<Delivered> s3() throws IOException {
    // Keys end in <topic>+<partition>+<first offset>.ndjson.gz: objects of a partition in offset order.
    List<Map.Entry<String, byte[]>> objects = new ArrayList<>(s3.objects(BUCKET).entrySet());
    objects.sort(Comparator.comparing((Map.Entry<String, byte[]> e) -> objectPartition(e.getKey()))
        .thenComparingLong(e -> objectOffset(e.getKey())));
    List<Delivered> events = new ArrayList<>();
    for (Map.Entry<String, byte[]> object : objects) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(object.getValue()))) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank()) {
            events.add(document(JSON.readTree(line), line));
          }
        }
      }
    }
    return events;
  }

  private static String objectPartition(String key) {
    String[] parts = key.substring(key.lastIndexOf('/') + 1).split("\\+");
    return parts[0] + "+" + parts[1];
  }

  private static long objectOffset(String key) {
    String[] parts = key.substring(key.lastIndexOf('/') + 1).split("\\+");
    return Long.parseLong(parts[2].substring(0, parts[2].indexOf('.')));
  }

  private List<Delivered> openSearch() throws IOException, InterruptedException {
    openSearch.refresh();
    JsonNode hits = openSearch.get("/logs-*/_search?size=10000&seq_no_primary_term=true").path("hits").path("hits");
    List<JsonNode> sorted = new ArrayList<>();
    hits.forEach(sorted::add);
    sorted.sort(Comparator.comparing((JsonNode h) -> h.path("_index").asText())
        .thenComparingLong(h -> h.path("_seq_no").asLong()));
    List<Delivered> events = new ArrayList<>();
    for (JsonNode hit : sorted) {
      events.add(document(hit.path("_source"), hit.path("_source").toString()));
    }
    return events;
  }

  /** The S3 NDJSON line and the OpenSearch document share one shape (sinks README, "Object format"). */
  private static Delivered document(JsonNode doc, String stored) {
    JsonNode k = doc.path("kubernetes");
    Map<String, String> meta = new LinkedHashMap<>();
    for (String field : List.of("namespace", "pod", "pod_uid", "container", "node", "owner_kind", "owner_name")) {
      meta.put(field, k.path(field).asText(null));
    }
    meta.put("zone", k.path("node_labels").path("topology.kubernetes.io/zone").asText(null));
    meta.put("source_node", doc.path("source").path("node").asText(null));
    String message = doc.path("message").asText("");
    String orderKey = meta.get("namespace") + "/" + meta.get("pod") + "/" + meta.get("pod_uid") + "/"
        + meta.get("container") + " " + doc.path("stream").asText();
    return new Delivered(Delivered.idIn(message), orderKey, message, meta,
        doc.path("source").path("line_count").asInt(-1), stored);
  }

  private List<Delivered> loki() {
    List<Delivered> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int repeats = 0;
    for (LokiReceiver.Push push : loki.pushes) {
      for (StreamAdapter stream : push.request().getStreamsList()) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher m = LABEL.matcher(stream.getLabels());
        while (m.find()) {
          labels.put(m.group(1), m.group(2));
        }
        for (EntryAdapter entry : stream.getEntriesList()) {
          String identity = stream.getLabels() + " " + entry.getTimestamp().getSeconds() + "."
              + entry.getTimestamp().getNanos() + " " + entry.getLine();
          if (!seen.add(identity)) {
            repeats++;
            continue;
          }
          Map<String, String> meta = new LinkedHashMap<>(labels);
          entry.getStructuredMetadataList().forEach(p -> meta.put(p.getName(), p.getValue()));
          String orderKey = meta.get("namespace") + "/" + meta.get("pod") + "/" + meta.get("pod_uid") + "/"
              + meta.get("container") + " " + meta.get("stream");
          events.add(new Delivered(Delivered.idIn(entry.getLine()), orderKey, entry.getLine(), meta, -1,
              stream.getLabels() + " " + meta + " " + entry.getLine()));
        }
      }
    }
    lokiRepeats = repeats;
    return events;
  }

  @Override
  public void close() throws IOException {
    loki.close();
    s3.close();
    openSearch.close();
  }
}
