package io.logpipe.events.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.api.model.events.v1.EventSeries;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventTimeTest {

  private static final Instant NOW = Instant.parse("2026-11-21T01:00:00Z");

  static Stream<Arguments> times() {
    return Stream.of(
        // name, eventTime, series last observed, deprecated count, deprecated last, deprecated first, created, expected
        Arguments.of("event time of a singleton", "2026-11-21T00:10:00.000001Z", null, null, null, null, null,
            "2026-11-21T00:10:00.000001Z"),
        Arguments.of("a series' last observed time wins", "2026-11-21T00:10:00Z", "2026-11-21T00:20:00Z", null, null,
            null, null, "2026-11-21T00:20:00Z"),
        Arguments.of("a repeated core event's last timestamp", "2026-11-21T00:10:00Z", null, 4,
            "2026-11-21T00:30:00Z", "2026-11-21T00:01:00Z", null, "2026-11-21T00:30:00Z"),
        Arguments.of("core event without event time", null, null, 1, "2026-11-21T00:31:00Z",
            "2026-11-21T00:31:00Z", null, "2026-11-21T00:31:00Z"),
        Arguments.of("only the first timestamp", null, null, null, null, "2026-11-21T00:02:00Z", null,
            "2026-11-21T00:02:00Z"),
        Arguments.of("creation time as a last resort", null, null, null, null, null, "2026-11-21T00:03:00Z",
            "2026-11-21T00:03:00Z"),
        Arguments.of("an offset is honoured", "2026-11-21T02:10:00+02:00", null, null, null, null, null,
            "2026-11-21T02:10:00+02:00"),
        Arguments.of("garbage is skipped", "yesterday", null, null, "", null, "2026-11-21T00:04:00Z",
            "2026-11-21T00:04:00Z"),
        Arguments.of("nothing at all: the clock", null, null, null, null, null, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("times")
  void picksTheTimeOfTheLatestOccurrence(String name, String eventTime, String lastObserved, Integer count,
      String last, String first, String created, String expected) {
    Event event = new EventBuilder().withNewMetadata().withCreationTimestamp(created).endMetadata()
        .withEventTime(eventTime == null ? null : new MicroTime(eventTime))
        .withSeries(lastObserved == null ? null : new EventSeries(2, new MicroTime(lastObserved)))
        .withDeprecatedCount(count).withDeprecatedLastTimestamp(last).withDeprecatedFirstTimestamp(first).build();
    EventTime time = EventTime.of(event, NOW);
    assertThat(time.text()).isEqualTo(expected);
    Instant instant = expected == null ? NOW : java.time.OffsetDateTime.parse(expected).toInstant();
    assertThat(time.instant()).isEqualTo(instant);
  }
}
