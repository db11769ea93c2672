package io.logpipe.events.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.api.model.events.v1.EventSeries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OccurrencesTest {

  @ParameterizedTest(name = "series {0}, deprecatedCount {1} -> {2}")
  @CsvSource(nullValues = "null", value = {
      "null, null, 1",
      "5, null, 5",
      "5, 9, 5",
      "null, 7, 7",
      "0, 4, 4",
      "null, 0, 1",
      "null, -3, 1"})
  void countsOccurrencesFromTheSeriesOrTheDeprecatedCount(Integer series, Integer deprecated, long expected) {
    var event = new EventBuilder()
        .withSeries(series == null ? null : new EventSeries(series, new MicroTime("2026-11-21T00:00:00Z")))
        .withDeprecatedCount(deprecated).build();
    assertThat(Occurrences.countOf(event)).isEqualTo(expected);
  }
}
