package io.logpipe.shipper.tail;

/**
 * FNV-1a, 64-bit: a tiny, allocation-free hash for the few hundred bytes we fingerprint. It only has to tell
 * different log content apart (CRI lines start with nanosecond timestamps), not resist an adversary.
 */
public final class Hash64 {

  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private Hash64() {}

  public static long of(byte[] bytes, int offset, int length) {
    long hash = OFFSET_BASIS;
    for (int i = offset, end = offset + length; i < end; i++) {
      hash ^= bytes[i] & 0xff;
      hash *= PRIME;
    }
    return hash;
  }

  public static long of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }
}
