package io.logpipe.redactor.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Loads the HMAC key from a file (e.g. a Kubernetes Secret mounted as a volume). */
public final class HashKeys {
  private HashKeys() {
  }

  /** The file's bytes without a trailing newline (secrets created with echo often have one). */
  public static byte[] read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
      end--;
    }
    return Arrays.copyOf(bytes, end);
  }

  /** A hasher when the policy needs one; fails with a clear message when it does and no key is given. */
  public static KeyedHasher forPolicies(PolicySet policies, Path keyFile, int tokenLength) throws IOException {
    if (keyFile == null) {
      if (policies.usesHashing()) {
        throw new PolicyException(java.util.List.of("the policy hashes values but no hash key file is configured"));
      }
      return null;
    }
    return new KeyedHasher(read(keyFile), tokenLength);
  }
}
