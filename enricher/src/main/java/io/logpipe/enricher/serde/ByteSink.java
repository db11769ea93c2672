package io.logpipe.enricher.serde;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer to encode into, reused by one thread. Unlike {@link java.io.ByteArrayOutputStream} its
 * writes are not synchronized: Avro's direct encoder writes every varint as a separate small write, and an
 * uncontended lock per write is a measurable share of an event's encoding.
 */
final class ByteSink extends OutputStream {

  /** A buffer grown past this by one large event is dropped afterwards rather than kept for the thread's life. */
  private static final int KEEP_AT_MOST = 64 << 10;

  private byte[] bytes = new byte[1024];
  private int size;

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  /** A copy of what was written since the last {@link #reset()}. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  void reset() {
    size = 0;
    if (bytes.length > KEEP_AT_MOST) {
      bytes = new byte[1024];
    }
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
