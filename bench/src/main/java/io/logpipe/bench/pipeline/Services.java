package io.logpipe.bench.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/** What the bench asks a running logpipe service over its HTTP port: {@code /readyz} and one {@code /metrics} value. */
final class Services {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Services() {}

  /** True when {@code /readyz} answers 200; false while the port is not listening yet or answers otherwise. */
  static boolean ready(int port) {
    try {
      return HTTP.send(request(port, "/readyz"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYetListening) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The value of the first sample of {@code metric} (Prometheus text), 0 when absent or not listening yet. */
  static double metric(int port, String metric) {
    try {
      HttpResponse<Stream<String>> response = HTTP.send(request(port, "/metrics"), HttpResponse.BodyHandlers.ofLines());
      return response.body().filter(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{"))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    } catch (IOException notYetListening) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static HttpRequest request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
  }
}
