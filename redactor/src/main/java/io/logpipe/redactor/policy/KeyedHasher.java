package io.logpipe.redactor.policy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonymisation: HMAC-SHA256 (RFC 2104) of the matched value under a secret key from
 * configuration (e.g. a mounted Kubernetes Secret), hex, truncated. The same value always gives the
 * same token, so engineers can correlate events without seeing the value; without the key the
 * token cannot be recomputed from a guessed value. Thread-safe (one {@link Mac} per thread).
 */
public final class KeyedHasher {
  public static final int MIN_KEY_BYTES = 16;
  public static final int DEFAULT_TOKEN_LENGTH = 16;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final int tokenLength;
  private final ThreadLocal<Mac> macs;

  public KeyedHasher(byte[] keyBytes, int tokenLength) {
    if (keyBytes.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("hash key must be at least " + MIN_KEY_BYTES + " bytes, got " + keyBytes.length);
    }
    if (tokenLength < 8 || tokenLength > 64) {
      throw new IllegalArgumentException("hash token length must be 8..64 hex characters, got " + tokenLength);
    }
    this.key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
    this.tokenLength = tokenLength;
    this.macs = ThreadLocal.withInitial(this::newMac);
    newMac(); // fail at construction, not on the first event
  }

  public String token(CharSequence value) {
    Mac mac = macs.get();
    byte[] digest = mac.doFinal(value.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, tokenLength);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "KeyedHasher[HmacSHA256, key=****, tokenLength=" + tokenLength + "]";
  }
}
