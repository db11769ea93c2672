package io.logpipe.enricher.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainSeverityTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
      "E1120 10:00:00.123456       1 reflector.go:138] failed to list *v1.Pod | ERROR",
      "W0102 15:04:05.000001    7 controller.go:12] retrying | WARN",
      "I1120 10:00:00.123456       1 main.go:10] started | INFO",
      "F1120 10:00:00.123456       1 main.go:10] boom | FATAL",
      "2024/01/02 10:00:00 [error] 7#7: *1 open() failed (2: No such file or directory) | ERROR",
      "[WARN] disk almost full | WARN",
      "2024-01-02 10:00:00.123 ERROR 1 --- [main] o.s.boot.SpringApplication : failed | ERROR",
      "2024-01-02 10:00:00,123 WARNING root: low memory | WARN",
      "ERROR:root:division by zero | ERROR",
      "10:00:00 DEBUG cache miss | DEBUG",
      "something happened level=warn code=7 and more text | WARN",
      "job done LEVEL=Error code=7 | ERROR",
      "request severity: \"warning\" from proxy | WARN",
      "loglevel=error is not at a word start | NONE",
      "level=superlongwordnotalevel level=info | INFO",
      "[CRITICAL] disk gone | FATAL",
      "worker 3 [warning] queue at 90% | WARN",
      "W0102 15:04:05 no fraction | WARN",
      "X1120 10:00:00.123456 1 main.go:1] not klog, and no level | NONE",
      "ERRORS happen, WARNINGS too | NONE",
      "mixed: INFO then ERROR | INFO",
      "Exception in thread main: no error was expected | NONE",
      "INFORMATION_SCHEMA scanned | NONE",
      "E1120 without a time | NONE",
      "error: lower-case prose is not a level | NONE",
      "[banana] not a level | NONE",
      "'' | NONE"
  })
  void findsTheSeverityWherePeoplePutIt(String line, String expected) {
    assertThat(PlainSeverity.find(line).orElse(null)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"300", "1000"})
  void looksOnlyAtTheStartOfALongLine(int padding) {
    String line = "x".repeat(padding) + " ERROR late";

    assertThat(PlainSeverity.find(line)).isEmpty();
  }
}
