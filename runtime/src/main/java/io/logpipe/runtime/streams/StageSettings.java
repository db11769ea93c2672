package io.logpipe.runtime.streams;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.config.HttpSettings;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.health.ServiceMetrics;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What every Kafka Streams stage is configured with, read in one place so the stages cannot drift:
 * {@code <PREFIX>_BOOTSTRAP_SERVERS} (and {@code _KAFKA_*} overrides), {@code _HTTP_PORT},
 * {@code _APPLICATION_ID} (default {@code logpipe-<stage>}), {@code _STATE_DIR} and {@code _ERROR_POLICY}
 * (default {@code dead-letter}).
 */
public record StageSettings(String stage, KafkaSettings kafka, HttpSettings http, String applicationId,
    Path stateDir, ErrorPolicy errorPolicy) {

  public static StageSettings read(ConfigReader r, String stage) {
    KafkaSettings kafka = KafkaSettings.read(r);
    HttpSettings http = HttpSettings.read(r);
    String applicationId = r.string("APPLICATION_ID", "logpipe-" + stage);
    r.check(!applicationId.isBlank(), "APPLICATION_ID", "must not be empty");
    // State is a cache of the changelog topics: losing it costs a restore, never data.
    Path stateDir = r.path("STATE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "logpipe-" + stage));
    ErrorPolicy errorPolicy = r.enumValue("ERROR_POLICY", ErrorPolicy.class, ErrorPolicy.DEAD_LETTER);
    return new StageSettings(stage, kafka, http, applicationId, stateDir, errorPolicy);
  }

  /** The Kafka Streams properties of this stage (exactly once v2, dead-letter handlers counting into metrics). */
  public Properties streamsProperties(ServiceMetrics metrics) {
    return StreamsSettings.forStage(applicationId, kafka, stateDir, stage, errorPolicy, metrics);
  }
}
