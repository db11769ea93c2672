package io.logpipe.shipper.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileId;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RawLineEncoderTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a plain line", "node-a", "/var/log/pods/a_b_c/d/0.log", new FileId(2049, 77, 5), 0L,
            "hello", false, Instant.parse("2024-05-01T10:00:00.123Z")),
        Arguments.of("an empty line", "n", "/p", new FileId(0, 0, 1), 12L, "", false, Instant.EPOCH),
        Arguments.of("a continued chunk far into a file", "node-ü", "/var/log/pods/ns_pöd_u/c/3.log.2024",
            new FileId(Long.MAX_VALUE, 1L << 40, -1L), 1L << 33, "x".repeat(300), true,
            Instant.parse("2030-01-01T00:00:00Z")),
        Arguments.of("negative identity parts", "n", "/p", new FileId(-5, -6, Long.MIN_VALUE), 127L, "é",
            false, Instant.ofEpochMilli(-1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void writesTheSameBytesAsTheSchemaSerde(String name, String node, String path, FileId id, long offset,
      String text, boolean continued, Instant readTime) {
    byte[] line = text.getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[line.length + 3];
    System.arraycopy(line, 0, data, 2, line.length);
    FileSlice slice = new FileSlice(id, path, new StreamKey("a", "b", "c", "d"), offset - 2, data, new int[] {2},
        new int[] {line.length}, new boolean[] {continued}, 1, offset + line.length, 0, false, readTime);
    RawLineEncoder encoder = new RawLineEncoder(node);
    encoder.startSlice(slice);
    RawLine expected = new RawLine(node, path, new FileIdentity(id.device(), id.inode(), id.fingerprint()), offset,
        ByteBuffer.wrap(line), continued, readTime);
    assertThat(encoder.encode(slice, 0)).isEqualTo(Topics.RAW_LINE.encode(expected));
  }

  @ParameterizedTest(name = "varint of {0}")
  @MethodSource("varints")
  void sizesVarintsExactly(long value) {
    byte[] buffer = new byte[10];
    assertThat(RawLineEncoder.varintSize(value))
        .isEqualTo(org.apache.avro.io.BinaryData.encodeLong(value, buffer, 0));
  }

  static Stream<Long> varints() {
    Random random = new Random(7);
    return Stream.concat(Stream.of(0L, -1L, 63L, 64L, -64L, -65L, Long.MAX_VALUE, Long.MIN_VALUE),
        random.longs(20).boxed());
  }
}
