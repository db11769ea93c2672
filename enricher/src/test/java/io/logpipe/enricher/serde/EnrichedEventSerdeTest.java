package io.logpipe.enricher.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.RedactionSummary;
import io.logpipe.schemas.Source;
import io.logpipe.schemas.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnrichedEventSerdeTest {

  private final Serializer<LogEvent> serializer = new EnrichedEventSerde().serializer();

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("as the multiline stage writes it", event("hello").build()),
        Arguments.of("no runtime time text, flags, a file identity", event("x").setTimeText(null)
            .setFlags(List.of("partial", "truncated")).setSource(source().setFileId(new FileIdentity(1L, 2L, 3L))
                .build()).build()),
        Arguments.of("empty strings", event("").setStream("").build()),
        Arguments.of("metadata from the path only", event("m").setKubernetes(fromPath("c")).build()),
        Arguments.of("metadata_missing", event("m").setKubernetes(fromPath("c"))
            .setFlags(List.of("metadata_missing")).build()),
        Arguments.of("full metadata, immutable maps", event("m").setKubernetes(full("app", labels())).build()),
        Arguments.of("full metadata, mutable maps", event("m").setKubernetes(full("app",
            new HashMap<>(labels()))).build()),
        Arguments.of("unicode everywhere", event("ünïcödé ☃ 日本語 \uD83D\uDE00").setKubernetes(full("app",
            Map.of("app.kubernetes.io/name", "wéb-☃", "team", "日本", "emoji", "\uD83D\uDE00"))).build()),
        Arguments.of("parsed body with attributes", event("{}").setKubernetes(full("app", labels()))
            .setParsed(new ParsedBody("ERROR", "boom", 1_700_000_000_123_456_789L,
                "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", Map.of("a", "1", "b.c", "ü")))
            .build()),
        Arguments.of("parsed body with nothing found", event("plain").setParsed(new ParsedBody(null, null, null,
            null, null, Map.of())).build()),
        Arguments.of("redaction summary", event("m").setKubernetes(full("app", labels()))
            .setRedaction(new RedactionSummary(Map.of("email", 2, "ipv4", 1))).build()),
        Arguments.of("metadata too large to keep", event("m").setKubernetes(full("app",
            Map.of("note", "é".repeat(3000)))).build()),
        Arguments.of("a message larger than the reused buffer", event("x".repeat(200_000) + "é")
            .setKubernetes(full("app", labels())).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void writesTheSameBytesAsTheLogEventSerde(String shape, LogEvent event) {
    byte[] expected = Topics.LOG_EVENT.encode(event);
    assertThat(serializer.serialize("t", event)).as("first write").isEqualTo(expected);
    assertThat(serializer.serialize("t", event)).as("second write, metadata kept").isEqualTo(expected);
    assertThat(Topics.LOG_EVENT.decode(serializer.serialize("t", event))).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void neverChangesTheEventItWrites(String shape, LogEvent event) {
    LogEvent copy = LogEvent.newBuilder(event).build();
    serializer.serialize("t", event);
    assertThat(event).isEqualTo(copy);
  }

  @Test
  void aRelabelledPodIsWrittenWithItsNewLabels() {
    LogEvent before = event("m").setKubernetes(full("app", Map.of("app", "web", "version", "1"))).build();
    LogEvent after = event("m").setKubernetes(full("app", Map.of("app", "web", "version", "2"))).build();
    serializer.serialize("t", before);
    assertThat(serializer.serialize("t", after)).isEqualTo(Topics.LOG_EVENT.encode(after));
  }

  @Test
  void aMutableMapChangedBetweenEventsIsWrittenAsItIsNow() {
    Map<String, String> labels = new LinkedHashMap<>(labels());
    LogEvent event = event("m").setKubernetes(full("app", labels)).build();
    serializer.serialize("t", event);
    labels.put("version", "2");
    assertThat(Topics.LOG_EVENT.decode(serializer.serialize("t", event)).getKubernetes().getPodLabels())
        .containsEntry("version", "2");
  }

  @Test
  void containersOfOnePodKeepTheirOwnImages() {
    LogEvent app = event("m").setKubernetes(full("app", labels())).build();
    LogEvent sidecar = event("m").setKubernetes(full("sidecar", labels())).build();
    serializer.serialize("t", app);
    assertThat(serializer.serialize("t", sidecar)).isEqualTo(Topics.LOG_EVENT.encode(sidecar));
    assertThat(serializer.serialize("t", app)).isEqualTo(Topics.LOG_EVENT.encode(app));
  }

  @Test
  void morePodsThanSlotsAreAllWrittenCorrectly() {
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < 3 * EncodedMetadata.SLOTS; i++) {
      events.add(event("m" + i).setKubernetes(new KubernetesMetadata("ns", "pod-" + i, "uid-" + i, "app", "img",
          "node", null, "Deployment", "web", Map.of("pod", "pod-" + i), Map.of(), Map.of(), Map.of())).build());
    }
    for (int round = 0; round < 2; round++) {
      for (LogEvent e : events) {
        assertThat(serializer.serialize("t", e)).isEqualTo(Topics.LOG_EVENT.encode(e));
      }
    }
  }

  @Test
  void threadsWritingAtOnceEachGetTheRightBytes() throws Exception {
    List<LogEvent> events = shapes().map(a -> (LogEvent) a.get()[1]).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int round = 0; round < 200; round++) {
            for (LogEvent e : events) {
              if (!java.util.Arrays.equals(serializer.serialize("t", e), Topics.LOG_EVENT.encode(e))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anEventMissingARequiredFieldFailsAsASerializationException() {
    LogEvent broken = event("m").build();
    broken.setMessage(null);
    assertThatThrownBy(() -> serializer.serialize("t", broken)).isInstanceOf(SerializationException.class);
  }

  @Test
  void passesNullThroughForTombstones() {
    assertThat(serializer.serialize("t", null)).isNull();
  }

  @Test
  void isWrittenForTheCurrentLogEventSchema() {
    // Fails when LogEvent.avsc changes: update EnrichedEventWriter's top level to the new LogEvent.customEncode,
    // then WRITTEN_FOR to the value printed here.
    long current = SchemaNormalization.parsingFingerprint64(LogEvent.getClassSchema());
    assertThat(EnrichedEventWriter.knowsSchema())
        .as("LogEvent schema fingerprint is now 0x%016XL", current).isTrue();
  }

  private static LogEvent.Builder event(String message) {
    return LogEvent.newBuilder().setTimeUnixNano(1_700_000_000_000_000_001L).setTimeText("2023-11-14T22:13:20Z")
        .setStream("stdout").setMessage(message).setSource(source().build()).setFlags(List.of());
  }

  private static Source.Builder source() {
    return Source.newBuilder().setNode("node-1").setPath("/var/log/pods/shop_web-1_uid-1/app/0.log")
        .setFirstOffset(10).setLastOffset(90).setLineCount(2);
  }

  private static Map<String, String> labels() {
    return Map.copyOf(Map.of("app.kubernetes.io/name", "web", "app.kubernetes.io/version", "1.2.3", "app", "web"));
  }

  private static KubernetesMetadata fromPath(String container) {
    return new KubernetesMetadata("shop", "web-1", "uid-1", container, null, null, null, null, null, Map.of(),
        Map.of(), Map.of(), Map.of());
  }

  private static KubernetesMetadata full(String container, Map<String, String> podLabels) {
    return new KubernetesMetadata("shop", "web-1", "uid-1", container, "registry/" + container + ":1", "node-1",
        "10.0.0.7", "Deployment", "web", podLabels, Map.of("note", "kept"),
        Map.of("team", "shop"), Map.of("topology.kubernetes.io/zone", "eu-1a"));
  }
}
