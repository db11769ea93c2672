package io.logpipe.multiline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new ParseCommand(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private List<JsonNode> events() throws IOException {
    List<JsonNode> list = new ArrayList<>();
    for (String l : out.toString().split("\n")) {
      if (!l.isBlank()) {
        list.add(new ObjectMapper().readTree(l));
      }
    }
    return list;
  }

  @Test
  void printsOneJsonObjectPerEventWithStreamTimeMessageAndSource() throws IOException {
    Path f = Files.writeString(dir.resolve("a.log"), String.join("\n",
        "2024-01-01T00:00:00.000000001Z stderr F java.lang.Error: boom",
        "2024-01-01T00:00:00.000000002Z stdout P half ",
        "2024-01-01T00:00:00.000000003Z stderr F \tat a.B.c(B.java:1)",
        "2024-01-01T00:00:00.000000004Z stdout F line",
        "garbage",
        "2024-01-01T00:00:00.000000005Z stderr F done") + "\n");
    assertThat(run(f.toString())).isZero();
    List<JsonNode> events = events();
    assertThat(events).extracting(e -> e.get("stream").asText() + "|" + e.get("message").asText())
        .containsExactly("stdout|half line", "stderr|java.lang.Error: boom\n\tat a.B.c(B.java:1)", "stderr|done");
    JsonNode trace = events.get(1);
    assertThat(trace.get("time").asText()).isEqualTo("2024-01-01T00:00:00.000000001Z");
    assertThat(trace.get("timeUnixNano").asLong()).isEqualTo(1704067200000000001L);
    assertThat(trace.get("source").get("path").asText()).isEqualTo(f.toString());
    assertThat(trace.get("source").get("firstOffset").asLong()).isZero();
    assertThat(trace.get("source").get("lineCount").asInt()).isEqualTo(2);
    assertThat(err.toString()).contains(":5: rejected (cri_no_timestamp)");
  }

  @Test
  void flushesEachFileAsItsOwnStreamAtEndOfInput() throws IOException {
    Path a = Files.writeString(dir.resolve("a.log"), "2024-01-01T00:00:00Z stdout P never finished");
    Path b = Files.writeString(dir.resolve("b.log"), "2024-01-01T00:00:00Z stdout F other file\n");
    assertThat(run(a.toString(), b.toString())).isZero();
    assertThat(events()).extracting(e -> e.get("message").asText() + "|" + e.get("flags"))
        .containsExactly("never finished|[\"partial\"]", "other file|[]");
  }

  @Test
  void appliesAUserRulesFileInPlainFormat() throws IOException {
    Path rules = Files.writeString(dir.resolve("rules.json"),
        "{\"builtins\": false, \"rules\": [{\"name\": \"lines\", \"start\": \"^\\\\S\"}]}");
    Path f = Files.writeString(dir.resolve("app.log"), "first\n  more\nsecond\n");
    assertThat(run("--format", "plain", "--rules", rules.toString(), f.toString())).isZero();
    assertThat(events()).extracting(e -> e.get("message").asText()).containsExactly("first\n  more", "second");
    assertThat(events().get(0).get("stream").asText()).isEmpty();
  }

  @Test
  void rejectsAnInvalidRulesFileListingEveryProblem() throws IOException {
    Path rules = Files.writeString(dir.resolve("rules.json"),
        "{\"rules\": [{\"name\": \"x\", \"start\": \"(\", \"mode\": \"sideways\", \"colour\": \"red\"}]}");
    Path f = Files.writeString(dir.resolve("app.log"), "x\n");
    assertThat(run("--rules", rules.toString(), f.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("colour").contains("start is not a valid regex").contains("mode");
    assertThat(out.toString()).isEmpty();
  }
}
