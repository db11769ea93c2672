package io.logpipe.redactor.scan;

/** A lenient decoder for the few candidates that need one (JWT headers, Basic credentials). */
final class Base64 {
  private static final int[] VALUES = new int[128];

  static {
    java.util.Arrays.fill(VALUES, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int k = 0; k < alphabet.length(); k++) {
      VALUES[alphabet.charAt(k)] = k;
    }
    VALUES['+'] = 62;
    VALUES['-'] = 62;
    VALUES['/'] = 63;
    VALUES['_'] = 63;
  }

  private Base64() {
  }

  /** Decodes standard or URL-safe base64 between start and end, stopping at padding; null on a bad character. */
  static byte[] decode(CharSequence s, int start, int end) {
    byte[] out = new byte[(end - start) * 3 / 4 + 3];
    int n = 0;
    int buffer = 0;
    int bits = 0;
    for (int k = start; k < end; k++) {
      char c = s.charAt(k);
      if (c == '=') {
        break;
      }
      int v = c < 128 ? VALUES[c] : -1;
      if (v < 0) {
        return null;
      }
      buffer = (buffer << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[n++] = (byte) (buffer >> bits);
        buffer &= (1 << bits) - 1;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** True when the bytes look like a JSON object: "{\"" … "}". */
  static boolean looksLikeJsonObject(byte[] bytes) {
    return bytes != null && bytes.length >= 3 && bytes[0] == '{' && bytes[1] == '"' && bytes[bytes.length - 1] == '}';
  }
}
