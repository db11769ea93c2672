package io.logpipe.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logpipe.enricher.body.BodyLimits;
import io.logpipe.enricher.body.BodyParser;
import io.logpipe.enricher.testing.Events;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** Real kubelet paths from the shared corpus: an event whose key is not a stream key is placed by its path. */
@EnabledIf("corpusPresent")
class EnrichmentCorpusTest {

  private static final Path PATHS = Path.of("../../shared/corpus/runtime-formats/k8s-log-paths.jsonl");

  static boolean corpusPresent() {
    return Files.isRegularFile(PATHS);
  }

  @Test
  void placesEventsByTheirLogPathWhenTheKeyTellsNothing() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Enrichment enrichment = new Enrichment(new BodyParser(BodyLimits.DEFAULTS));
    List<String> rows = Files.readAllLines(PATHS).stream().filter(l -> !l.isBlank()).toList();
    assertThat(rows).isNotEmpty();
    for (String row : rows) {
      JsonNode c = json.readTree(row);
      LogEvent event = Events.event(null, "x");
      event.getSource().setPath(c.get("path").asText());

      Optional<StreamKey> stream = Enrichment.streamOf("not-a-stream-key", event);
      LogEvent done = enrichment.complete(stream.orElse(null), event, null, true);

      if (c.get("valid").asBoolean()) {
        JsonNode e = c.get("expected");
        assertThat(done.getKubernetes()).as(row).isNotNull();
        assertThat(done.getKubernetes().getNamespace()).as(row).isEqualTo(e.get("namespace").asText());
        assertThat(done.getKubernetes().getPod()).as(row).isEqualTo(e.get("pod_name").asText());
        assertThat(done.getKubernetes().getPodUid()).as(row).isEqualTo(e.get("uid").asText());
        assertThat(done.getKubernetes().getContainer()).as(row).isEqualTo(e.get("container_name").asText());
      } else {
        assertThat(done.getKubernetes()).as(row).isNull();
      }
      assertThat(done.getFlags()).as(row).containsExactly(Enrichment.FLAG_METADATA_MISSING);
    }
  }
}
