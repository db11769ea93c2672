package io.logpipe.redactor;

import io.logpipe.redactor.policy.Redactor;
import io.logpipe.redactor.streams.EventRedactor;
import io.logpipe.redactor.streams.RedactorStep;
import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthServer;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.ExitCodes;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.runtime.streams.StreamsRunner;
import io.logpipe.runtime.streams.StreamsSettings;
import io.logpipe.schemas.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code logpipe redactor}: the redaction stage as a service, from {@code logs.enriched.v1} to
 * {@code logs.redacted.v1}, until SIGTERM. Flags override the {@code REDACTOR_*} environment (see the module README).
 */
@Command(name = "redactor", mixinStandardHelpOptions = true,
        description = "Redact personal data and secrets from events (logs.enriched.v1 -> logs.redacted.v1).")
public final class RedactorCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RedactorCommand.class);

    @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (REDACTOR_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--policy", paramLabel = "FILE", description = "Redaction policy file, YAML (REDACTOR_POLICY_FILE). "
            + "Default: the built-in default policy.")
    String policyFile;

    @Option(names = "--hash-key-file", paramLabel = "FILE", description = "HMAC key for rules whose action is hash, "
            + "e.g. a mounted Secret (REDACTOR_HASH_KEY_FILE).")
    String hashKeyFile;

    @Option(names = "--application-id", description = "Kafka Streams application id (REDACTOR_APPLICATION_ID).")
    String applicationId;

    @Option(names = "--state-dir", description = "Kafka Streams state directory (REDACTOR_STATE_DIR).")
    String stateDir;

    @Option(names = "--http-port", description = "Port of /metrics, /healthz, /readyz (REDACTOR_HTTP_PORT).")
    Integer httpPort;

    @Option(names = "--config-file", description = "YAML settings file (REDACTOR_CONFIG_FILE).")
    String configFile;

    @Override
    public Integer call() {
        ConfigReader reader = ConfigReader.fromEnvironment(RedactorConfig.PREFIX, flags());
        RedactorConfig config;
        try {
            config = RedactorConfig.read(reader);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return ExitCodes.CONFIG;
        }
        LOG.info("redactor settings:\n{}", reader.describe());
        ServiceMetrics serviceMetrics = ServiceMetrics.create(RedactorMetrics.STAGE);
        HealthState health = new HealthState();
        try (serviceMetrics;
                HealthServer server = HealthServer.start(config.http().port(), serviceMetrics.registry(), health)) {
            LOG.info("redactor: health and metrics on port {}", server.port());
            Topology topology = StageTopology.between(Topics.ENRICHED, step(config, new RedactorMetrics(serviceMetrics)),
                    Topics.REDACTED);
            Properties props = StreamsSettings.forStage(config.applicationId(), config.kafka(), config.stateDir(),
                    RedactorMetrics.STAGE, config.errorPolicy(), serviceMetrics);
            return StreamsRunner.runUntilShutdown(topology, props, health, serviceMetrics,
                    StreamsRunner.DEFAULT_CLOSE_TIMEOUT);
        }
    }

    /** The step this configuration runs: also what {@code local} mode fuses with the other stages. */
    public static RedactorStep step(RedactorConfig config, RedactorMetrics metrics) {
        return new RedactorStep(new EventRedactor(config.policies(), new Redactor(config.hasher()), metrics));
    }

    /** Flags as un-prefixed setting names. */
    Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        put(flags, "BOOTSTRAP_SERVERS", bootstrapServers);
        put(flags, "POLICY_FILE", policyFile);
        put(flags, "HASH_KEY_FILE", hashKeyFile);
        put(flags, "APPLICATION_ID", applicationId);
        put(flags, "STATE_DIR", stateDir);
        put(flags, "HTTP_PORT", httpPort == null ? null : httpPort.toString());
        put(flags, ConfigReader.CONFIG_FILE, configFile);
        return flags;
    }

    private static void put(Map<String, String> flags, String name, String value) {
        if (value != null) {
            flags.put(name, value);
        }
    }
}
