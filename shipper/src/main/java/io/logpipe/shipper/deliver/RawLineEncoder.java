package io.logpipe.shipper.deliver;

import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileSlice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.io.BinaryData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Encodes the lines of one slice exactly as {@code Topics.RAW_LINE.encode} would (Avro single-object encoding of
 * {@link RawLine}: header, schema fingerprint, then the fields in schema order), but writes the fields shared by the
 * whole slice (node, path, file identity) once per slice instead of once per line, and each record in one array
 * of its exact size. The hot path of the shipper; {@code RawLineEncoderTest} proves the bytes identical.
 */
final class RawLineEncoder {

  private static final int SINGLE_OBJECT_HEADER = 10; // C3 01 + 8-byte schema fingerprint

  private final byte[] header;
  private final String node;
  private byte[] prefix;
  private long readTimeMillis;

  RawLineEncoder(String node) {
    this.node = node;
    RawLine sample = new RawLine(node, "", new FileIdentity(0L, 0L, 0L), 0L, ByteBuffer.allocate(0), false,
        Instant.EPOCH);
    this.header = Arrays.copyOf(Topics.RAW_LINE.encode(sample), SINGLE_OBJECT_HEADER);
  }

  /** Prepares the shared fields of the slice's lines. */
  void startSlice(FileSlice slice) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(header);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      encoder.writeString(node);
      encoder.writeString(slice.path());
      encoder.writeLong(slice.id().device());
      encoder.writeLong(slice.id().inode());
      encoder.writeLong(slice.id().fingerprint());
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    prefix = out.toByteArray();
    readTimeMillis = slice.readTime().toEpochMilli();
  }

  /** Line {@code i} of the slice started last. */
  byte[] encode(FileSlice slice, int i) {
    long offset = slice.offsetOf(i);
    int length = slice.lengths()[i];
    byte[] out = new byte[prefix.length + varintSize(offset) + varintSize(length) + length + 1
        + varintSize(readTimeMillis)];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    int pos = prefix.length;
    pos += BinaryData.encodeLong(offset, out, pos);
    pos += BinaryData.encodeLong(length, out, pos);
    System.arraycopy(slice.data(), slice.starts()[i], out, pos, length);
    pos += length;
    out[pos++] = (byte) (slice.continued()[i] ? 1 : 0);
    BinaryData.encodeLong(readTimeMillis, out, pos);
    return out;
  }

  /** Bytes of Avro's zig-zag varint encoding of {@code value}. */
  static int varintSize(long value) {
    long zigzag = (value << 1) ^ (value >> 63);
    int size = 1;
    while ((zigzag & ~0x7FL) != 0) {
      zigzag >>>= 7;
      size++;
    }
    return size;
  }

}
