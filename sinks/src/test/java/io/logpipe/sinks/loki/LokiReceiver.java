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
import java.util.concurrent.atomic.AtomicInteger;
import org.xerial.snappy.Snappy;

/**
 * Loki's push endpoint as far as a client can tell, on loopback: it decodes a request exactly as Loki's
 * distributor does for {@code application/x-protobuf} (snappy block decompression, then {@code PushRequest}),
 * keeps what it got, and answers 204, or the statuses it was told to answer first. It can also be down for a
 * while: answering 503 (no healthy ingester) or refusing connections (not running), then up on the same port.
 */
public final class LokiReceiver implements AutoCloseable {

  /** One accepted push, decoded. */
  public record Push(String tenant, String contentType, PushRequest request) {}

  private record Answer(int status, String body) {}

  public final List<Push> pushes = new CopyOnWriteArrayList<>();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final AtomicInteger unavailableAnswers = new AtomicInteger();
  private final InetSocketAddress address;
  private volatile boolean unavailable;
  private HttpServer server;

  public LokiReceiver() throws IOException {
    server = listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    address = server.getAddress();
  }

  private HttpServer listen(InetSocketAddress at) throws IOException {
    HttpServer listening = HttpServer.create(at, 0);
    listening.createContext("/loki/api/v1/push", this::handle);
    listening.start();
    return listening;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + address.getPort());
  }

  /** The next pushes are answered with {@code status} and {@code body}, in order, before the usual 204. */
  public LokiReceiver thenAnswer(int status, String body) {
    script.add(new Answer(status, body));
    return this;
  }

  /** Until {@link #up}, every push is answered 503 as by a Loki without a healthy ingester, and not kept. */
  public synchronized void unavailable() {
    unavailable = true;
  }

  /** Until {@link #up}, connections are refused, as when Loki is not running; the port stays reserved for it. */
  public synchronized void refuseConnections() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Back: listening again on the same port, accepting pushes. */
  public synchronized void up() throws IOException {
    unavailable = false;
    if (server == null) {
      server = listen(address);
    }
  }

  /** How many pushes were answered 503 while {@link #unavailable}. */
  public int unavailableAnswers() {
    return unavailableAnswers.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (unavailable) {
        unavailableAnswers.incrementAndGet();
        respond(exchange, 503, "at least 1 live replicas required, could only find 0");
        return;
      }
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
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }
}
