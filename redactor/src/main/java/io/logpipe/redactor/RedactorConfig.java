package io.logpipe.redactor;

import io.logpipe.redactor.policy.HashKeys;
import io.logpipe.redactor.policy.KeyedHasher;
import io.logpipe.redactor.policy.PolicyException;
import io.logpipe.redactor.policy.PolicyFile;
import io.logpipe.redactor.policy.PolicySet;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.streams.StageSettings;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The redactor's settings, env prefix {@code REDACTOR_} (table in the module README), validated at start with every
 * problem reported at once, the policy file's problems included. The hash key is read from a file and never printed.
 *
 * @param hasher the keyed hasher, null when no hash key file is configured (then no policy may hash)
 */
public record RedactorConfig(StageSettings stage, PolicySet policies, KeyedHasher hasher) {

  public static final String PREFIX = "REDACTOR";

  public static RedactorConfig read(ConfigReader r) {
    StageSettings stage = StageSettings.read(r, RedactorMetrics.STAGE);
    Path policyFile = r.path("POLICY_FILE", null);
    Path hashKeyFile = r.path("HASH_KEY_FILE", null);
    int hashLength = r.intInRange("HASH_LENGTH", KeyedHasher.DEFAULT_TOKEN_LENGTH, 8, 64);

    PolicySet policies = PolicySet.defaults();
    if (policyFile != null) {
      try {
        policies = PolicyFile.read(policyFile);
      } catch (PolicyException e) {
        e.problems().forEach(p -> r.check(false, "POLICY_FILE", policyFile + ": " + p));
      } catch (IOException e) {
        r.check(false, "POLICY_FILE", "cannot read " + policyFile + ": " + e.getMessage());
      }
    }
    KeyedHasher hasher = null;
    try {
      hasher = HashKeys.forPolicies(policies, hashKeyFile, hashLength);
    } catch (PolicyException e) {
      r.check(false, "HASH_KEY_FILE", "the policy hashes values: set a hash key file");
    } catch (IOException e) {
      r.check(false, "HASH_KEY_FILE", "cannot read " + hashKeyFile + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      r.check(false, "HASH_KEY_FILE", e.getMessage());
    }
    r.done();
    return new RedactorConfig(stage, policies, hasher);
  }
}
