package io.logpipe.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PodLogPathTest {

  static final Path CORPUS = Path.of("../../shared/corpus/runtime-formats/k8s-log-paths.jsonl");

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      /var/log/pods/shop_web-7d9f_1b2c-3d4e/app/0.log          | shop/web-7d9f/1b2c-3d4e/app | 0 | false
      /var/log/pods/shop_web-7d9f_1b2c-3d4e/app/3.log.20250219-233547 | shop/web-7d9f/1b2c-3d4e/app | 3 | true
      logs/shop_web_u/sidecar/12.log                           | shop/web/u/sidecar          | 12 | false
      C:\\var\\log\\pods\\ns_p_u\\c\\1.log                     | ns/p/u/c                    | 1 | false
      """)
  void parsesKubeletPaths(String path, String key, int restart, boolean rotated) {
    assertThat(PodLogPath.parse(path)).contains(new PodLogPath(StreamKey.parse(key), restart, rotated));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/var/log/pods/container/0.log", "/var/log/pods/default_pod/container/0.log",
      "/var/log/pods/default_pod_uid/container/0.txt", "/var/log/pods/default_pod_uid/container/abc.log",
      "/var/log/pods/default_pod_uid/0.log", "/var/log/pods/ns_p_u/c/99999999999999.log"})
  void rejectsPathsThatAreNotPodLogs(String path) {
    assertThat(PodLogPath.parse(path)).isEmpty();
  }

  static boolean corpusPresent() {
    return Files.isRegularFile(CORPUS);
  }

  @Test
  @EnabledIf("corpusPresent")
  void agreesWithTheCorpusOfRealPaths() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> rows = Files.readAllLines(CORPUS);
    assertThat(rows).isNotEmpty();
    for (String row : rows) {
      JsonNode c = json.readTree(row);
      Optional<PodLogPath> parsed = PodLogPath.parse(c.get("path").asText());
      assertThat(parsed.isPresent()).as(row).isEqualTo(c.get("valid").asBoolean());
      if (parsed.isPresent()) {
        JsonNode e = c.get("expected");
        StreamKey k = parsed.get().stream();
        assertThat(List.of(k.namespace(), k.pod(), k.podUid(), k.container(), String.valueOf(parsed.get().restartCount())))
            .as(row)
            .containsExactly(e.get("namespace").asText(), e.get("pod_name").asText(), e.get("uid").asText(),
                e.get("container_name").asText(), e.get("restart_count").asText());
      }
    }
  }
}
