package io.logpipe.sinks.opensearch;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.config.Secret;
import java.net.URI;
import java.time.Duration;

/** Where and how the OpenSearch sink writes ({@code SINK_OPENSEARCH_*}; see the module README). */
public record OpenSearchSettings(URI url, IndexMode mode, String indexPrefix, String username, Secret password,
    int maxItemRetries, Duration requestTimeout) {

  public static OpenSearchSettings read(ConfigReader r) {
    String raw = r.requiredString("OPENSEARCH_URL");
    URI url = URI.create("http://invalid");
    try {
      url = URI.create(raw.strip());
      r.check(raw.isEmpty() || "http".equals(url.getScheme()) || "https".equals(url.getScheme()), "OPENSEARCH_URL",
          "'" + raw + "' is not an http(s) URL");
    } catch (IllegalArgumentException e) {
      r.check(false, "OPENSEARCH_URL", "'" + raw + "' is not a URL");
    }
    IndexMode mode = r.enumValue("OPENSEARCH_INDEX_MODE", IndexMode.class, IndexMode.INDEX_PER_DAY);
    String prefix = r.string("OPENSEARCH_INDEX_PREFIX", "logs");
    r.check(prefix.matches("[a-z0-9][a-z0-9._-]*"), "OPENSEARCH_INDEX_PREFIX",
        "'" + prefix + "' is not a valid index name prefix (lower case, digits, . _ -)");
    String username = r.string("OPENSEARCH_USERNAME", "");
    Secret password = r.secret("OPENSEARCH_PASSWORD", "");
    int retries = r.intInRange("OPENSEARCH_MAX_ITEM_RETRIES", 8, 0, 100);
    Duration timeout = r.duration("OPENSEARCH_REQUEST_TIMEOUT", Duration.ofSeconds(30));
    return new OpenSearchSettings(url, mode, prefix, username, password, retries, timeout);
  }

  /** Plain HTTP without authentication, indices per namespace and day: for tests and {@code local}. */
  public static OpenSearchSettings at(URI url) {
    return new OpenSearchSettings(url, IndexMode.INDEX_PER_DAY, "logs", "", new Secret(""), 8, Duration.ofSeconds(30));
  }
}
