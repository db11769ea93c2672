package io.logpipe.runtime.cli;

import io.logpipe.runtime.config.ConfigReader;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The flags every service command takes, as a picocli mixin ({@code @Mixin ServiceOptions common;}). Each flag is
 * also an environment variable with the service's prefix (flags win); {@link #flags()} hands them to
 * {@link ConfigReader#fromEnvironment(String, Map)} under their un-prefixed names.
 */
public final class ServiceOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (env <PREFIX>_BOOTSTRAP_SERVERS; default localhost:9092).")
  String bootstrapServers;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Port of /metrics, /healthz and /readyz; 0 picks "
      + "a free one (env <PREFIX>_HTTP_PORT; default 8080).")
  Integer httpPort;

  @Option(names = "--config-file", paramLabel = "FILE", description = "YAML settings file (env <PREFIX>_CONFIG_FILE).")
  String configFile;

  /** The flags given, by un-prefixed setting name, in a map the command may add its own to with {@link #put}. */
  public Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    put(flags, "BOOTSTRAP_SERVERS", bootstrapServers);
    put(flags, "HTTP_PORT", httpPort);
    put(flags, ConfigReader.CONFIG_FILE, configFile);
    return flags;
  }

  /** Adds a flag's value under its setting name when the flag was given. */
  public static void put(Map<String, String> flags, String name, Object value) {
    if (value != null) {
      flags.put(name, value.toString());
    }
  }
}
