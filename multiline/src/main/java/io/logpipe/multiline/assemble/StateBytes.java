package io.logpipe.multiline.assemble;

import io.logpipe.multiline.format.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer and its reader, for {@link AssemblerStateCodec}. The stage rewrites a stream's
 * state on every line of an open trace, so this is on the hot path: strings are encoded straight from the
 * {@code StringBuilder} into the array (no intermediate String, no stream layers, no synchronisation).
 */
final class StateBytes {

  private StateBytes() {
  }

  static final class Writer {
    private byte[] buf;
    private int pos;

    Writer(int expectedSize) {
      buf = new byte[Math.max(64, expectedSize)];
    }

    private void ensure(int n) {
      if (pos + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
      }
    }

    void writeByte(int b) {
      ensure(1);
      buf[pos++] = (byte) b;
    }

    void writeBoolean(boolean b) {
      writeByte(b ? 1 : 0);
    }

    void writeInt(int v) {
      ensure(4);
      buf[pos++] = (byte) (v >>> 24);
      buf[pos++] = (byte) (v >>> 16);
      buf[pos++] = (byte) (v >>> 8);
      buf[pos++] = (byte) v;
    }

    void writeLong(long v) {
      writeInt((int) (v >>> 32));
      writeInt((int) v);
    }

    void writeBytes(byte[] b, int len) {
      writeInt(len);
      ensure(len);
      System.arraycopy(b, 0, buf, pos, len);
      pos += len;
    }

    /** Length-prefixed UTF-8, encoded in place (unpaired surrogates become '?', as String.getBytes does). */
    void writeString(CharSequence s) {
      int len = Utf8.length(s);
      writeInt(len);
      ensure(len);
      for (int i = 0, n = s.length(); i < n; i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          buf[pos++] = (byte) c;
        } else if (c < 0x800) {
          buf[pos++] = (byte) (0xC0 | (c >> 6));
          buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          buf[pos++] = (byte) (0xF0 | (cp >> 18));
          buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          buf[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(c)) {
          // Utf8.length counted 3 bytes for it: keep the length exact.
          buf[pos++] = (byte) '?';
          buf[pos++] = (byte) '?';
          buf[pos++] = (byte) '?';
        } else {
          buf[pos++] = (byte) (0xE0 | (c >> 12));
          buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
      }
    }

    void writeNullableString(String s) {
      writeBoolean(s != null);
      if (s != null) {
        writeString(s);
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, pos);
    }
  }

  static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    int readByte() {
      return buf[pos++];
    }

    boolean readBoolean() {
      return buf[pos++] != 0;
    }

    int readInt() {
      int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
          | (buf[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    long readLong() {
      return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
    }

    byte[] readBytes() {
      int len = readInt();
      byte[] b = Arrays.copyOfRange(buf, pos, pos + len);
      pos += len;
      return b;
    }

    String readString() {
      int len = readInt();
      String s = new String(buf, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    String readNullableString() {
      return readBoolean() ? readString() : null;
    }
  }
}
