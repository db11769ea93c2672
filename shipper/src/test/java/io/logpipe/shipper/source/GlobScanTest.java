package io.logpipe.shipper.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.StreamKey;
import io.logpipe.shipper.discovery.LogFileFilter.Candidate;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobScanTest {

  private static final StreamKey KEY = new StreamKey("_node", "worker-1", "audit", "_file");

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
      "/var/log/kubernetes/audit/*.log, /var/log/kubernetes/audit",
      "/var/log/kube-apiserver.log, /var/log",
      "/var/log/**/*.log, /var/log",
      "/var/log/pods-{a;b}/x.log, /var/log"})
  void walksFromTheLongestLiteralDirectory(String glob, String base) {
    assertThat(GlobScan.base(glob.replace(';', ','))).isEqualTo(Path.of(base));
  }

  @ParameterizedTest
  @CsvSource(value = {"var/log/*.log|not absolute", "/*.log|no literal directory", "/**|no literal directory",
      "' '|not absolute"}, delimiter = '|')
  void refusesGlobsThatAreRelativeOrStartAtTheRoot(String glob, String problem) {
    assertThat(GlobScan.problem(glob)).contains(problem);
  }

  @Test
  void acceptsAnAbsoluteGlobUnderADirectory() {
    assertThat(GlobScan.problem("/var/log/kubernetes/audit/*.log")).isNull();
  }

  @Test
  void findsTheFilesTheGlobsMatchAtTheirDepthAndNeverACompressedOne() throws IOException {
    Files.createDirectories(dir.resolve("audit/old"));
    Files.writeString(dir.resolve("audit/audit.log"), "a\n");
    Files.writeString(dir.resolve("audit/audit-2026-11-21T02-00-00.000.log"), "b\n");
    Files.writeString(dir.resolve("audit/audit.log.gz"), "c\n");
    Files.writeString(dir.resolve("audit/notes.txt"), "d\n");
    Files.writeString(dir.resolve("audit/old/deep.log"), "e\n");
    Files.writeString(dir.resolve("apiserver.log"), "f\n");
    List<Path> directories = new ArrayList<>();
    GlobScan scan = new GlobScan(FileSystems.getDefault(),
        List.of(dir + "/audit/*.log", dir + "/apiserver.log", dir + "/audit/audit.log"), KEY);

    List<Candidate> found = scan.scan(directories::add);

    assertThat(found).extracting(Candidate::path).containsExactlyInAnyOrder(dir.resolve("audit/audit.log"),
        dir.resolve("audit/audit-2026-11-21T02-00-00.000.log"), dir.resolve("apiserver.log"));
    assertThat(found).allSatisfy(c -> {
      assertThat(c.pod().stream()).isEqualTo(KEY);
      assertThat(c.rotated()).isFalse();
    });
    assertThat(directories).contains(dir.resolve("audit"), dir);
  }

  @Test
  void aDoubleStarReachesAnyDepthAndAMissingBaseFindsNothing() throws IOException {
    Files.createDirectories(dir.resolve("a/b/c"));
    Files.writeString(dir.resolve("a/b/c/deep.log"), "x\n");
    GlobScan scan = new GlobScan(FileSystems.getDefault(), List.of(dir + "/a/**.log", dir + "/missing/*.log"), KEY);

    assertThat(scan.scan(d -> { })).extracting(Candidate::path).containsExactly(dir.resolve("a/b/c/deep.log"));
  }
}
