package io.logpipe.sinks.loki;

import com.github.loki4j.pkg.loki.protobuf.Push.PushRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xerial.snappy.Snappy;

/**
 * Loki's push endpoint as far as a client can tell, on loopback: it decodes a request exactly as Loki's
 * distributor does for {@code application/x-protobuf} (snappy block decompression, then {@code PushRequest}),
 * keeps what it got, and answers 204, or the statuses it was told to answer first.
 */
final class LokiReceiver implements AutoCloseable {

  record Push(String tenant, String contentType, PushRequest request) {}

  private record Answer(int status, String body) {}

  final List<Push> pushes = new CopyOnWriteArrayList<>();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final HttpServer server;

  LokiReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/loki/api/v1/push", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next pushes are answered with {@code status} and {@code body}, in order, before the usual 204. */
  LokiReceiver thenAnswer(int status, String body) {
    script.add(new Answer(status, body));
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Answer answer = script.poll();
      if (answer == null) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"application/x-protobuf".equals(type)) {
          respond(exchange, 415, "unsupported content type " + type);
          return;
        }
        pushes.add(new Push(exchange.getRequestHeaders().getFirst("X-Scope-OrgID"), type,
            PushRequest.parseFrom(Snappy.uncompress(body))));
        exchange.sendResponseHeaders(204, -1);
      } else {
        respond(exchange, answer.status(), answer.body());
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
