package io.logpipe.enricher.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceIdsTest {

  @ParameterizedTest(name = "trace id {0} valid: {1}")
  @CsvSource(nullValues = "NULL", value = {
      "4bf92f3577b34da6a3ce929d0e0e4736, true",
      "4BF92F3577B34DA6A3CE929D0E0E4736, true",
      "00000000000000000000000000000000, false",
      "4bf92f3577b34da6a3ce929d0e0e473, false",
      "4bf92f3577b34da6a3ce929d0e0e47366, false",
      "4bf92f3577b34da6a3ce929d0e0e473g, false",
      "NULL, false"
  })
  void validatesTraceIds(String id, boolean valid) {
    assertThat(TraceIds.traceId(id).isPresent()).isEqualTo(valid);
  }

  @ParameterizedTest(name = "span id {0} valid: {1}")
  @CsvSource({"00f067aa0ba902b7, true", "0000000000000000, false", "00f067aa0ba902b, false", "zzf067aa0ba902b7, false"})
  void validatesSpanIds(String id, boolean valid) {
    assertThat(TraceIds.spanId(id).isPresent()).isEqualTo(valid);
  }

  @Test
  void lowerCasesIds() {
    assertThat(TraceIds.spanId("00F067AA0BA902B7")).contains("00f067aa0ba902b7");
  }

  @ParameterizedTest(name = "traceparent {0} valid: {1}")
  @CsvSource({
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01, true",
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future, true",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra, false",
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01, false",
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01, false",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01, false",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7, false"
  })
  void readsTraceparent(String header, boolean valid) {
    assertThat(TraceIds.traceparent(header).isPresent()).isEqualTo(valid);
  }
}
