package io.logpipe.runtime.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one HTTP port of every service, on the JDK's own server: {@code /metrics} (Prometheus text format 0.0.4),
 * {@code /healthz} (200 while alive, 503 once failed) and {@code /readyz} (200 when ready, 503 with the reason).
 * Probes only read volatile state, so they answer even when the service is stuck.
 */
public final class HealthServer implements AutoCloseable {

  /** The Prometheus text exposition format, version 0.0.4. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final int THREADS = 2;

  private final HttpServer server;
  private final ExecutorService executor;

  private HealthServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Serves on every interface ({@code 0.0.0.0}) at {@code port}; 0 picks a free port (see {@link #port()}). */
  public static HealthServer start(int port, PrometheusMeterRegistry registry, HealthState health) {
    return start(new InetSocketAddress(port), registry, health);
  }

  /** Serves on {@code address}: tests bind {@code 127.0.0.1:0}. */
  public static HealthServer start(InetSocketAddress address, PrometheusMeterRegistry registry, HealthState health) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "health-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/metrics", exchange -> {
      String body;
      try {
        body = registry.scrape(PROMETHEUS_TEXT);
      } catch (RuntimeException e) {
        // A failing meter (a gauge on a closed client) must not turn into a dropped connection.
        respond(exchange, 500, "text/plain; charset=utf-8", "scrape failed: " + e.getClass().getName() + "\n");
        return;
      }
      respond(exchange, 200, PROMETHEUS_TEXT, body);
    });
    server.createContext("/healthz", exchange -> probe(exchange, health.isAlive(), health.liveness().reason()));
    server.createContext("/readyz", exchange -> probe(exchange, health.isReady(), health.reason()));
    server.start();
    return new HealthServer(server, executor);
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void probe(HttpExchange exchange, boolean ok, String reason) throws IOException {
    respond(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", reason + "\n");
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }
}
