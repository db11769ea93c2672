package io.logpipe.sinks.loki;

import io.logpipe.runtime.config.ConfigReader;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where and how the Loki sink pushes ({@code SINK_LOKI_*}; see the module README). */
public record LokiSettings(URI url, List<String> labels, String tenant, boolean tenantFromNamespace,
    Map<String, String> tenants, int maxLabelValues, Duration cardinalityWindow, Duration requestTimeout) {

  /** Loki's defaults in the issue: namespace, app or workload name, container, stream. */
  public static final List<String> DEFAULT_LABELS = List.of("namespace", "app", "container", "stream");

  public LokiSettings {
    labels = List.copyOf(labels);
    tenants = Map.copyOf(tenants);
  }

  public static LokiSettings read(ConfigReader r) {
    String raw = r.requiredString("LOKI_URL");
    URI url = URI.create("http://invalid");
    try {
      url = URI.create(raw.strip());
      r.check(raw.isEmpty() || "http".equals(url.getScheme()) || "https".equals(url.getScheme()), "LOKI_URL",
          "'" + raw + "' is not an http(s) URL");
    } catch (IllegalArgumentException e) {
      r.check(false, "LOKI_URL", "'" + raw + "' is not a URL");
    }
    List<String> labels = r.list("LOKI_LABELS", DEFAULT_LABELS);
    labels.forEach(label -> r.check(LokiLabels.KNOWN.contains(label), "LOKI_LABELS",
        "unknown label '" + label + "' (one of " + LokiLabels.KNOWN + ")"));
    String tenant = r.string("LOKI_TENANT", "");
    boolean fromNamespace = r.bool("LOKI_TENANT_FROM_NAMESPACE", false);
    Map<String, String> tenants = new LinkedHashMap<>();
    for (String pair : r.list("LOKI_TENANTS", List.of())) {
      int eq = pair.indexOf('=');
      r.check(eq > 0 && eq < pair.length() - 1, "LOKI_TENANTS", "'" + pair + "' is not namespace=tenant");
      if (eq > 0) {
        tenants.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    int maxValues = r.intInRange("LOKI_MAX_LABEL_VALUES", 100, 1, 100_000);
    Duration window = r.duration("LOKI_CARDINALITY_WINDOW", Duration.ofHours(1));
    Duration timeout = r.duration("LOKI_REQUEST_TIMEOUT", Duration.ofSeconds(30));
    return new LokiSettings(url, labels, tenant, fromNamespace, tenants, maxValues, window, timeout);
  }

  /** Default labels, no tenant, default guard: for tests and {@code local}. */
  public static LokiSettings at(URI url) {
    return new LokiSettings(url, DEFAULT_LABELS, "", false, Map.of(), 100, Duration.ofHours(1),
        Duration.ofSeconds(30));
  }

  /** The tenant of a namespace: an explicit mapping, else the namespace itself if so configured, else the default. */
  String tenantOf(String namespace) {
    String mapped = tenants.get(namespace);
    if (mapped != null) {
      return mapped;
    }
    return tenantFromNamespace && !namespace.isEmpty() ? namespace : tenant;
  }
}
