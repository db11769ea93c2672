package io.logpipe.redactor;

import io.logpipe.redactor.policy.Redactor;
import io.logpipe.redactor.streams.EventRedactor;
import io.logpipe.redactor.streams.RedactorStep;
import io.logpipe.runtime.cli.ServiceOptions;
import io.logpipe.runtime.cli.StageOptions;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.streams.StageService;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.schemas.Topics;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logpipe redactor}: the redaction stage as a service, from {@code logs.enriched.v1} to
 * {@code logs.redacted.v1}, until SIGTERM. Flags override the {@code REDACTOR_*} environment (see the module README).
 */
@Command(name = "redactor", mixinStandardHelpOptions = true,
  description = "Redact personal data and secrets from events (logs.enriched.v1 -> logs.redacted.v1).")
public final class RedactorCommand implements Callable<Integer> {

 @Mixin StageOptions common;

 @Option(names = "--policy", paramLabel = "FILE", description = "Redaction policy file, YAML (REDACTOR_POLICY_FILE). "
   + "Default: the built-in default policy.")
 String policyFile;

 @Option(names = "--hash-key-file", paramLabel = "FILE", description = "HMAC key for rules whose action is hash, "
   + "e.g. a mounted Secret (REDACTOR_HASH_KEY_FILE).")
 String hashKeyFile;

 @Override
 public Integer call() {
  return new StageService<>(RedactorMetrics.STAGE, RedactorConfig::read, RedactorConfig::stage,
    (config, metrics) -> StageTopology.between(Topics.ENRICHED, step(config, new RedactorMetrics(metrics)),
      Topics.REDACTED))
    .run(ConfigReader.fromEnvironment(RedactorConfig.PREFIX, flags()));
 }

 /** The step this configuration runs: also what {@code local} mode fuses with the other stages. */
 public static RedactorStep step(RedactorConfig config, RedactorMetrics metrics) {
  return new RedactorStep(new EventRedactor(config.policies(), new Redactor(config.hasher()), metrics));
 }

 /** Flags as un-prefixed setting names. */
 Map<String, String> flags() {
  Map<String, String> flags = common.flags();
  ServiceOptions.put(flags, "POLICY_FILE", policyFile);
  ServiceOptions.put(flags, "HASH_KEY_FILE", hashKeyFile);
  return flags;
 }
}
