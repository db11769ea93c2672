package io.logpipe.runtime.config;

/** The port of the health and metrics server ({@code HTTP_PORT}, default 8080; 0 picks a free port). */
public record HttpSettings(int port) {

  public static final int DEFAULT_PORT = 8080;

  public HttpSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is outside [0, 65535]");
    }
  }

  public static HttpSettings read(ConfigReader r) {
    return new HttpSettings(r.intInRange("HTTP_PORT", DEFAULT_PORT, 0, 65_535));
  }
}
