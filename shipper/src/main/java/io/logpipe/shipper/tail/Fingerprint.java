package io.logpipe.shipper.tail;

import java.util.Arrays;

/**
 * A fingerprint of a file's first bytes that stays valid while the file grows.
 *
 * <p>The issue forbids a minimum file size (a three-byte file is shipped at once), so a file is fingerprinted on
 * whatever prefix it has when first seen, up to {@link #MAX_LENGTH} bytes. The prefix length is kept in the low 8
 * bits and a 56-bit hash of the prefix in the rest, so the same file can be re-checked later by hashing exactly the
 * same number of leading bytes, however much it has grown since.
 */
public final class Fingerprint {

  /** Longest prefix fingerprinted: covers several CRI timestamps, which make two files' starts differ. */
  public static final int MAX_LENGTH = 255;

  private Fingerprint() {}

  /** Fingerprints the first {@code min(prefix.length, MAX_LENGTH)} bytes. An empty prefix is not a fingerprint. */
  public static long of(byte[] prefix) {
    int length = Math.min(prefix.length, MAX_LENGTH);
    if (length == 0) {
      throw new IllegalArgumentException("an empty file has no fingerprint yet");
    }
    return (Hash64.of(prefix, 0, length) << 8) | length;
  }

  /** How many leading bytes the fingerprint covers (read this many to check it). */
  public static int length(long fingerprint) {
    return (int) (fingerprint & 0xff);
  }

  /** True when the file's leading bytes (at least {@link #length} of them) are those that were fingerprinted. */
  public static boolean matches(long fingerprint, byte[] leadingBytes) {
    int length = length(fingerprint);
    if (length == 0 || leadingBytes.length < length) {
      return false;
    }
    return of(Arrays.copyOf(leadingBytes, length)) == fingerprint;
  }
}
