package io.logpipe.enricher.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodHintsTest {

  @ParameterizedTest(name = "exclude={0}, parser={1} -> {2}, {3}, invalid {4}")
  @CsvSource(nullValues = "NULL", value = {
      "true, json, true, JSON, false",
      "TRUE, logfmt, true, LOGFMT, false",
      "' true ', none, true, NONE, false",
      "false, Json, false, JSON, false",
      "yes, NULL, false, AUTO, false",
      "NULL, auto, false, AUTO, false",
      "NULL, xml, false, AUTO, true",
      "1, '', false, AUTO, true"
  })
  void readsTheLogpipeAnnotations(String exclude, String parser, boolean excluded, BodyFormat format,
      boolean invalid) {
    Map<String, String> annotations = new HashMap<>();
    if (exclude != null) {
      annotations.put(PodHints.EXCLUDE, exclude);
    }
    if (parser != null) {
      annotations.put(PodHints.PARSER, parser);
    }

    PodHints hints = PodHints.from(annotations);

    assertThat(hints.exclude()).isEqualTo(excluded);
    assertThat(hints.parser()).isEqualTo(format);
    assertThat(hints.invalidParser()).isEqualTo(invalid);
  }

  @Test
  void podsWithoutHintsShareTheDefault() {
    assertThat(PodHints.from(Map.of("other", "x"))).isSameAs(PodHints.DEFAULT);
    assertThat(PodHints.from(null)).isSameAs(PodHints.DEFAULT);
  }
}
