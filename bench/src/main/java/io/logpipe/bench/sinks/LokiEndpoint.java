package io.logpipe.bench.sinks;

import com.github.loki4j.pkg.loki.protobuf.Push.PushRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.xerial.snappy.Snappy;

/**
 * Loki's push endpoint for the benchmark, on loopback: it does what Loki's distributor does with a request before
 * it reaches an ingester (snappy block decompression, protobuf {@code PushRequest} parsing), counts the entries and
 * answers 204. The same work for the worker and for the direct client, so the ratio is the worker's own cost.
 */
final class LokiEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final AtomicLong entries = new AtomicLong();

  LokiEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/loki/api/v1/push", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  long entries() {
    return entries.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      PushRequest request = PushRequest.parseFrom(Snappy.uncompress(exchange.getRequestBody().readAllBytes()));
      request.getStreamsList().forEach(stream -> entries.addAndGet(stream.getEntriesCount()));
      exchange.sendResponseHeaders(204, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
