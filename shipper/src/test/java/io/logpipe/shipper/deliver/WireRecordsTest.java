package io.logpipe.shipper.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileId;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireRecordsTest {

  private static final FileId ID = new FileId(1, 2, 0xabcL);
  private static final StreamKey STREAM = new StreamKey("shop", "web-1", "uid-1", "app");
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  private static FileSlice slice() {
    byte[] data = "ab\ncdef\n".getBytes(StandardCharsets.UTF_8);
    return new FileSlice(ID, "/p/0.log", STREAM, 100, data, new int[] {0, 3}, new int[] {2, 4},
        new boolean[] {false, true}, 2, 108, 42L, false, NOW);
  }

  @Test
  void encodesEachLineWithItsStreamKeyOffsetAndContinuation() {
    List<String> topics = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<RawLine> lines = new ArrayList<>();
    new WireRecords("node-a").lines(slice(), (topic, k, v) -> {
      topics.add(topic);
      keys.add(new String(k, StandardCharsets.UTF_8));
      lines.add(Topics.RAW_LINE.decode(v));
    });
    assertThat(topics).containsOnly(Topics.RAW.name());
    assertThat(keys).containsOnly("shop/web-1/uid-1/app");
    assertThat(lines).extracting(RawLine::getOffset).containsExactly(100L, 103L);
    assertThat(lines).extracting(l -> StandardCharsets.UTF_8.decode(l.getLine()).toString())
        .containsExactly("ab", "cdef");
    assertThat(lines).extracting(RawLine::getContinued).containsExactly(false, true);
    assertThat(lines.get(0).getNode()).isEqualTo("node-a");
    assertThat(lines.get(0).getFileId().getInode()).isEqualTo(2);
  }
}
