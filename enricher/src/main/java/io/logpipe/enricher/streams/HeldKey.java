package io.logpipe.enricher.streams;

/**
 * The key of a held event in the hold store: {@code <stream>\0<arrival><sequence><timestamp>}, fixed-width hex, so
 * that a prefix scan over one stream returns its events in arrival order (the stream's order) and the record
 * timestamp survives the hold. A stream key never contains {@code \0}.
 */
record HeldKey(String stream, long arrivalMillis, long sequence, long timestamp) {

  private static final char SEPARATOR = '\0';
  private static final int NUMBERS = 16 + 16 + 16;

  static String prefix(String stream) {
    return stream + SEPARATOR;
  }

  String encode() {
    return prefix(stream) + String.format("%016x%016x%016x", arrivalMillis, sequence, timestamp);
  }

  static HeldKey decode(String encoded) {
    int sep = encoded.lastIndexOf(SEPARATOR);
    if (sep < 0 || encoded.length() - sep - 1 != NUMBERS) {
      throw new IllegalArgumentException("not a held-event key: " + encoded);
    }
    String numbers = encoded.substring(sep + 1);
    return new HeldKey(encoded.substring(0, sep),
        Long.parseUnsignedLong(numbers.substring(0, 16), 16),
        Long.parseUnsignedLong(numbers.substring(16, 32), 16),
        Long.parseUnsignedLong(numbers.substring(32, 48), 16));
  }
}
