package io.logpipe.sinks.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Plain HTTP to OpenSearch with the JDK's client. Chosen over the OpenSearch Java client: the bulk body is NDJSON
 * we already write byte for byte, per-item outcomes are a small JSON walk, and it adds no dependency tree.
 */
final class HttpTransport implements OpenSearchTransport {

  private final HttpClient client;
  private final URI base;
  private final String authorization;
  private final Duration timeout;

  HttpTransport(OpenSearchSettings settings) {
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String url = settings.url().toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.authorization = settings.username().isEmpty() ? null : "Basic " + Base64.getEncoder().encodeToString(
        (settings.username() + ":" + settings.password().reveal()).getBytes(StandardCharsets.UTF_8));
    this.timeout = settings.requestTimeout();
  }

  @Override
  public Response send(String method, String path, String contentType, byte[] body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public String target() {
    return base.toString();
  }
}
