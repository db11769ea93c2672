package io.logpipe.shipper.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.shipper.tail.Committed;
import io.logpipe.shipper.tail.FileId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionFileTest {

  @TempDir Path dir;

  @Test
  void readsBackWhatItWroteIncludingPathsWithSpacesAndNegativeHashes() throws IOException {
    PositionFile file = new PositionFile(dir.resolve("sub/positions"));
    Committed.Saved a = new Committed.Saved(new FileId(2049, 77, -5L), "/var/log/pods/a b/c/0.log", 1234, -9L);
    file.write(List.of(a));
    assertThat(file.read().positions()).containsExactly(java.util.Map.entry(a.id(), a));
    assertThat(dir.resolve("sub")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void startsFromNothingWhenTheFileIsAbsent() throws IOException {
    assertThat(new PositionFile(dir.resolve("none")).read()).isEqualTo(Committed.NOTHING);
  }

  @Test
  void refusesAFileItDidNotWrite() throws IOException {
    Files.writeString(dir.resolve("p"), "something else\n");
    assertThatThrownBy(() -> new PositionFile(dir.resolve("p")).read()).isInstanceOf(IOException.class);
  }
}
