package io.logpipe.shipper.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code journalctl -o json} lines: recorded ones (test resource journal/recorded.jsonl) and hand-made edge cases. */
class JournalEntryTest {

  static List<String> recorded() throws IOException {
    try (InputStream in = JournalEntryTest.class.getResourceAsStream("/journal/recorded.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void readsUnitPriorityHostnameMessageTimeAndCursorOfARecordedEntry() throws IOException {
    JournalEntry e = JournalEntry.parse(recorded().get(2)).orElseThrow();

    assertThat(e.unit()).isEqualTo("kubelet.service");
    assertThat(e.priority()).isEqualTo(3);
    assertThat(e.severity()).isEqualTo("ERROR");
    assertThat(e.hostname()).isEqualTo("worker-1");
    assertThat(e.message()).startsWith("E1121 02:15:29.000001    1123 pod_workers.go:1298]").endsWith("n=3");
    assertThat(e.realtimeMicros()).isEqualTo(1_795_227_328_004_500L);
    assertThat(e.cursor()).startsWith("s=7a1b2c3d4e5f40718293a4b5c6d7e8f9;i=1a2b03;");
    assertThat(e.seqnumId()).isEqualTo("7a1b2c3d4e5f40718293a4b5c6d7e8f9");
    assertThat(e.seqnum()).isEqualTo(0x1a2b03);
  }

  @Test
  void everyRecordedEntryParsesWithAnIncreasingSequenceNumber() throws IOException {
    List<JournalEntry> entries = recorded().stream().map(JournalEntry::parse).map(Optional::orElseThrow).toList();

    assertThat(entries).hasSize(400);
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).seqnum()).isEqualTo(entries.get(i - 1).seqnum() + 1);
    }
  }

  @Test
  void decodesAMessageWrittenAsAnArrayOfBytesReplacingInvalidOnes() throws IOException {
    JournalEntry e = JournalEntry.parse(recorded().get(96)).orElseThrow();

    assertThat(e.message()).isEqualTo("binary \u001b[31mred\u001b[0m n=97 \ufffd");
  }

  @Test
  void fallsBackToTheSyslogIdentifierAndTakesTheFirstOfARepeatedField() {
    String line = "{\"__CURSOR\":\"s=ab;i=10;b=cd;m=1;t=2;x=3\",\"__REALTIME_TIMESTAMP\":\"1795227328000000\","
        + "\"SYSLOG_IDENTIFIER\":\"kernel\",\"MESSAGE\":[\"first\",\"second\"],\"PRIORITY\":\"4\"}";
    JournalEntry e = JournalEntry.parse(line).orElseThrow();

    assertThat(e.unit()).isEqualTo("kernel");
    assertThat(e.message()).isEqualTo("first");
    assertThat(e.severity()).isEqualTo("WARN");
    assertThat(e.hostname()).isNull();
  }

  @Test
  void aMessageTooLargeToShowOrMissingIsEmpty() {
    String line = "{\"__CURSOR\":\"s=ab;i=10;b=cd;m=1;t=2;x=3\",\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":null}";
    JournalEntry e = JournalEntry.parse(line).orElseThrow();

    assertThat(e.message()).isEmpty();
    assertThat(e.unit()).isEqualTo("unknown");
    assertThat(e.priority()).isEqualTo(-1);
    assertThat(e.severity()).isNull();
  }

  @ParameterizedTest
  @CsvSource({"0,FATAL", "1,FATAL", "2,FATAL", "3,ERROR", "4,WARN", "5,INFO", "6,INFO", "7,DEBUG", "8,", "x,", "10,"})
  void mapsTheSyslogPriorityToASeverity(String priority, String severity) {
    String line = "{\"__CURSOR\":\"s=ab;i=10\",\"__REALTIME_TIMESTAMP\":\"1\",\"PRIORITY\":\"" + priority + "\"}";
    assertThat(JournalEntry.parse(line).orElseThrow().severity()).isEqualTo(severity);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "not json",
      "[]",
      "{\"MESSAGE\":\"no cursor\",\"__REALTIME_TIMESTAMP\":\"1\"}",
      "{\"__CURSOR\":\"s=ab;i=10\",\"MESSAGE\":\"no time\"}",
      "{\"__CURSOR\":\"s=ab;i=10\",\"__REALTIME_TIMESTAMP\":\"soon\"}",
      "{\"__CURSOR\":\"garbage\",\"__REALTIME_TIMESTAMP\":\"1\"}",
      "{\"__CURSOR\":\"s=ab;i=zz\",\"__REALTIME_TIMESTAMP\":\"1\"}",
      "{\"__CURSOR\":\"s=;i=10\",\"__REALTIME_TIMESTAMP\":\"1\"}"})
  void refusesWhatIsNotAJournalEntry(String line) {
    assertThat(JournalEntry.parse(line)).isEmpty();
  }
}
