package io.logpipe.shipper.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.FilePosition;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileId;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchPositionsTest {

  private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
  private static final StreamKey STREAM = new StreamKey("shop", "web-1", "uid-1", "app");

  private static FileSlice read(FileId id, String path, long from, long to, long tailHash) {
    byte[] data = "ab\n".getBytes(StandardCharsets.UTF_8);
    return new FileSlice(id, path, STREAM, from, data, new int[] {0}, new int[] {2}, new boolean[] {false}, 1, to,
        tailHash, false, NOW);
  }

  @Test
  void keepsTheLastPositionPerFileAndTombstonesReleasedFilesUnderTheNodesOwnPodLogKeys() {
    FileId id = new FileId(1, 2, 0xabcL);
    FileSlice release = FileSlice.release(new FileId(9, 9, 9), "/p/1.log", STREAM, 5, 0, NOW);
    SourceIdentity pods = new SourceIdentity("logpipe-shipper-node-a", "node-a", "node-a");

    Map<String, byte[]> positions = BatchPositions.of(
        List.of(read(id, "/p/0.log", 100, 103, 7), read(id, "/p/0.log", 103, 108, 42), release), pods, NOW);

    FilePosition p = Topics.FILE_POSITION.decode(positions.get("node-a/1:2:abc"));
    assertThat(p.getPosition()).isEqualTo(108);
    assertThat(p.getTailHash()).isEqualTo(42);
    assertThat(p.getNode()).isEqualTo("node-a");
    assertThat(positions).containsKey("node-a/9:9:9");
    assertThat(positions.get("node-a/9:9:9")).isNull();
    assertThat(FileId.parsePositionKey("1:2:abc")).isEqualTo(id);
  }

  @Test
  void writesAnotherSourcesPositionsUnderItsOwnOwnerWithTheNodeAsWritten() {
    SourceIdentity files = new SourceIdentity("logpipe-shipper-w1-files", "w1/files", "w1");
    FileSlice first = FileSlice.release(new FileId(1, 2, 0xab), "/var/log/a.log", null, 10, 1, NOW);
    FileSlice read = read(new FileId(1, 2, 0xab), "/var/log/a.log", 0, 20, 5);
    FileSlice gone = FileSlice.release(new FileId(1, 3, 0xcd), "/var/log/b.log", null, 30, 6, NOW);

    Map<String, byte[]> positions = BatchPositions.of(List.of(first, read, gone), files, NOW);

    assertThat(positions).containsOnlyKeys("w1/files/1:2:ab", "w1/files/1:3:cd");
    assertThat(Topics.FILE_POSITION.decode(positions.get("w1/files/1:2:ab")).getPosition()).isEqualTo(20L);
    assertThat(Topics.FILE_POSITION.decode(positions.get("w1/files/1:2:ab")).getNode()).isEqualTo("w1");
    assertThat(positions.get("w1/files/1:3:cd")).isNull();
  }
}
