package io.logpipe.shipper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.Topics;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.tail.FileId;
import io.logpipe.shipper.tail.FileSlice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each source keeps its positions under its own owner. */
class PositionKeysTest {

  @Test
  void writesPositionsUnderTheSourcesOwnerAndTombstonesAFileLetGo() {
    SourceIdentity id = new SourceIdentity("logpipe-shipper-w1-files", "w1/files", "w1");
    SourceDelivery delivery = new SourceDelivery((ShipperConfig) null, id, (slice, out) -> { }, null, p -> { },
        Map.of());
    FileId a = new FileId(1, 2, 0xab);
    FileId b = new FileId(1, 3, 0xcd);
    Instant now = Instant.parse("2026-11-21T03:00:00Z");
    FileSlice first = FileSlice.release(a, "/var/log/a.log", null, 10, 1, now);
    FileSlice read = new FileSlice(a, "/var/log/a.log", null, 0, new byte[0], new int[0], new int[0], new boolean[0],
        0, 20, 5, false, now);
    FileSlice gone = FileSlice.release(b, "/var/log/b.log", null, 30, 6, now);

    Map<String, byte[]> positions = delivery.positions(List.of(first, read, gone), now);

    assertThat(positions).containsOnlyKeys("w1/files/1:2:ab", "w1/files/1:3:cd");
    assertThat(Topics.FILE_POSITION.decode(positions.get("w1/files/1:2:ab")).getPosition()).isEqualTo(20L);
    assertThat(Topics.FILE_POSITION.decode(positions.get("w1/files/1:2:ab")).getNode()).isEqualTo("w1");
    assertThat(positions.get("w1/files/1:3:cd")).isNull();
  }
}
