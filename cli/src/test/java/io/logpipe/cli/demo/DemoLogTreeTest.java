package io.logpipe.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.PodLogPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLogTreeTest {

  @TempDir Path root;

  @Test
  void writesOneKubeletLogPerContainerWithTheExpectedEventsRecorded() throws IOException {
    List<DemoLogTree.ExpectedEvent> expected = DemoLogTree.write(root, 50, 7);

    List<Path> logs;
    try (Stream<Path> files = Files.walk(root)) {
      logs = files.filter(p -> p.toString().endsWith(".log")).toList();
    }
    assertThat(logs).hasSize(6).allSatisfy(p -> assertThat(PodLogPath.parse(p.toString())).isPresent());
    assertThat(expected).hasSize(6 * 50);
    assertThat(expected).anySatisfy(e -> assertThat(e.message()).startsWith("Traceback"));
    assertThat(expected).anySatisfy(e -> assertThat(e.secrets()).isNotEmpty());
  }

  @Test
  void splitsLongLinesIntoCriPartialPiecesAndWritesDockerJsonForDockerContainers() throws IOException {
    DemoLogTree.write(root, 200, 1);
    String cri = Files.readString(root.resolve("shop_payments-0_8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d/api/0.log"));
    assertThat(cri).contains(" stderr P ").contains(" stdout F ");
    String docker = Files.readString(root.resolve("data_ingest-5f4d3c2b1-abcde_c0ffee00-1234-4abc-9def-0123456789ab/main/0.log"));
    assertThat(docker.lines()).allSatisfy(l -> assertThat(l).startsWith("{\"log\":\"").contains("\\n\",\"stream\":\""));
  }

  @Test
  void isDeterministicForASeed() throws IOException {
    Path other = Files.createDirectory(root.resolve("other"));
    Path first = Files.createDirectory(root.resolve("first"));
    assertThat(DemoLogTree.write(first, 30, 42)).isEqualTo(DemoLogTree.write(other, 30, 42));
    assertThat(DemoLogTree.write(Files.createDirectory(root.resolve("third")), 30, 43))
        .isNotEqualTo(DemoLogTree.write(Files.createDirectory(root.resolve("fourth")), 30, 42));
  }

  @Test
  void generatesCardNumbersThatPassLuhn() {
    java.util.Random r = new java.util.Random(3);
    for (int n = 0; n < 100; n++) {
      String card = DemoMessages.cardNumber(r);
      int sum = 0;
      for (int i = 0; i < card.length(); i++) {
        int d = card.charAt(card.length() - 1 - i) - '0';
        if (i % 2 == 1) {
          d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        }
        sum += d;
      }
      assertThat(sum % 10).as(card).isZero();
    }
  }
}
