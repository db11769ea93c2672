package io.logpipe.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthServerTest {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final HealthState health = new HealthState();
  private ServiceMetrics metrics;
  private HealthServer server;

  @BeforeEach
  void start() {
    metrics = ServiceMetrics.bare("multiline");
    server = HealthServer.start(new InetSocketAddress("127.0.0.1", 0), metrics.registry(), health);
  }

  @AfterEach
  void stop() {
    server.close();
    metrics.close();
  }

  @Test
  void readyzFollowsReadinessWithTheReason() throws Exception {
    assertThat(get("/readyz")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).isEqualTo("starting\n");
    });
    health.markReady();
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    health.markNotReady("rebalancing");
    assertThat(get("/readyz")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).isEqualTo("rebalancing\n");
    });
  }

  @Test
  void healthzIsOkWhileAliveAndUnavailableOnceFailed() throws Exception {
    health.markNotReady("rebalancing");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    health.markFailed("stream thread died");
    assertThat(get("/healthz")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).isEqualTo("stream thread died\n");
    });
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
  }

  @Test
  void metricsServesPrometheusTextWithTheOutcomeCounters() throws Exception {
    metrics.recordsDropped("multiline", DropReason.OVERSIZED);
    metrics.recordsDropped("multiline", DropReason.OVERSIZED, 2);
    metrics.deadLettered("multiline", "org.apache.avro.AvroRuntimeException");

    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains(HealthServer.PROMETHEUS_TEXT);
    assertThat(r.body())
        .contains("logpipe_records_dropped_total{reason=\"oversized\",service=\"multiline\",stage=\"multiline\"} 3.0")
        .contains("logpipe_dead_letters_total{error=\"org.apache.avro.AvroRuntimeException\",service=\"multiline\","
            + "stage=\"multiline\"} 1.0");
  }

  @Test
  void refusesOtherMethodsAndUnknownPaths() throws Exception {
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/readyz"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(get("/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void aFailingScrapeAnswers500AndTheServerKeepsServing() throws Exception {
    PrometheusMeterRegistry broken = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) {
      @Override
      public String scrape(String contentType) {
        throw new IllegalStateException("closed");
      }
    };
    try (HealthServer other = HealthServer.start(new InetSocketAddress("127.0.0.1", 0), broken, health)) {
      URI base = URI.create("http://127.0.0.1:" + other.port());
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).isEqualTo("scrape failed: java.lang.IllegalStateException\n");
      assertThat(client.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    } finally {
      broken.close();
    }
  }

  @Test
  void bindsAnEphemeralPortWhenAskedForZero() {
    assertThat(server.port()).isPositive();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
