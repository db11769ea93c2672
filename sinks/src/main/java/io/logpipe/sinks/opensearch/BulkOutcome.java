package io.logpipe.sinks.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logpipe.sinks.worker.RejectedRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a {@code _bulk} response says about each item, in request order: landed, to retry (429 from a full write
 * queue, 5xx), or refused for good (mapping and other 4xx errors). A 409 of a {@code create} means the document is
 * already there: a retry of what landed before, so it counts as landed.
 */
record BulkOutcome(int landed, List<BulkItem> retry, List<RejectedRecord> rejected) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static BulkOutcome parse(byte[] response, List<BulkItem> sent) throws IOException {
    JsonNode items = JSON.readTree(response).path("items");
    if (!items.isArray() || items.size() != sent.size()) {
      throw new IOException("bulk response has " + items.size() + " items for " + sent.size() + " sent");
    }
    int landed = 0;
    List<BulkItem> retry = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      Iterator<Map.Entry<String, JsonNode>> only = items.get(i).properties().iterator();
      Map.Entry<String, JsonNode> item = only.next();
      int status = item.getValue().path("status").asInt();
      if (status < 300 || (status == 409 && item.getKey().equals("create"))) {
        landed++;
      } else if (status == 429 || status >= 500) {
        retry.add(sent.get(i));
      } else {
        JsonNode error = item.getValue().path("error");
        rejected.add(new RejectedRecord(sent.get(i).record(), error.path("type").asText("http_" + status),
            error.path("reason").asText("status " + status)));
      }
    }
    return new BulkOutcome(landed, retry, rejected);
  }
}
