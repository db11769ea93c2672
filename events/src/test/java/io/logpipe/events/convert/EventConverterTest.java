package io.logpipe.events.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.logpipe.events.occurrence.Occurrence;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventConverterTest {

  private static final Instant NOW = Instant.parse("2026-11-21T01:00:00Z");
  private final EventConverter converter = new EventConverter("logpipe-events");

  static Event backOff() {
    return new EventBuilder()
        .withNewMetadata().withNamespace("shop").withName("web-7d4-x2k.17f").withUid("ev-1")
        .withResourceVersion("42").endMetadata()
        .withType("Warning").withReason("BackOff").withAction("Pulling")
        .withNote("Back-off restarting failed container app")
        .withNewRegarding().withKind("Pod").withNamespace("shop").withName("web-7d4-x2k").withUid("pod-uid-1")
        .withApiVersion("v1").withFieldPath("spec.containers{app}").endRegarding()
        .withReportingController("kubelet").withReportingInstance("worker-1")
        .withEventTime(new MicroTime("2026-11-21T00:50:00.123456Z"))
        .withNewSeries().withCount(3).withLastObservedTime(new MicroTime("2026-11-21T00:58:00.5Z")).endSeries()
        .build();
  }

  @Test
  void convertsAPodEventWithItsMetadataSeverityAndAttributes() {
    Event event = backOff();
    var converted = converter.convert(event, new Occurrence("ev-1", 2, 3, "42"), EventTime.of(event, NOW));

    assertThat(converted.key()).isEqualTo(new StreamKey("shop", "web-7d4-x2k", "pod-uid-1", "_events"));
    LogEvent e = converted.event();
    assertThat(e.getMessage()).isEqualTo("Back-off restarting failed container app");
    assertThat(e.getTimeText()).isEqualTo("2026-11-21T00:58:00.5Z");
    assertThat(e.getTimeUnixNano()).isEqualTo(Instant.parse("2026-11-21T00:58:00.5Z").toEpochMilli() * 1_000_000L);
    assertThat(e.getFlags()).containsExactly("k8s_event");
    assertThat(e.getSource().getNode()).isEqualTo("logpipe-events");
    assertThat(e.getSource().getPath()).isEqualTo("k8s-events/ev-1");
    assertThat(e.getSource().getFileId()).isNull();
    assertThat(e.getSource().getFirstOffset()).isEqualTo(2);
    assertThat(e.getSource().getLastOffset()).isEqualTo(3);
    assertThat(e.getSource().getLineCount()).isEqualTo(2);
    assertThat(e.getKubernetes().getNamespace()).isEqualTo("shop");
    assertThat(e.getKubernetes().getPod()).isEqualTo("web-7d4-x2k");
    assertThat(e.getKubernetes().getPodUid()).isEqualTo("pod-uid-1");
    assertThat(e.getKubernetes().getContainer()).isEqualTo("_events");
    assertThat(e.getKubernetes().getOwnerKind()).isNull();
    assertThat(e.getParsed().getSeverity()).isEqualTo("WARN");
    assertThat(e.getParsed().getAttributes()).containsEntry("source_type", "k8s_event")
        .containsEntry("reason", "BackOff").containsEntry("type", "Warning").containsEntry("action", "Pulling")
        .containsEntry("regarding.kind", "Pod").containsEntry("regarding.name", "web-7d4-x2k")
        .containsEntry("regarding.namespace", "shop").containsEntry("regarding.uid", "pod-uid-1")
        .containsEntry("regarding.fieldPath", "spec.containers{app}")
        .containsEntry("reportingController", "kubelet").containsEntry("reportingInstance", "worker-1")
        .containsEntry("series.count", "3").containsEntry("event.uid", "ev-1")
        .doesNotContainKey("related.kind");
  }

  @Test
  void theConvertedEventSurvivesTheWireFormat() {
    Event event = backOff();
    LogEvent e = converter.convert(event, new Occurrence("ev-1", 1, 3, "42"), EventTime.of(event, NOW)).event();
    assertThat(Topics.LOG_EVENT.decode(Topics.LOG_EVENT.encode(e))).isEqualTo(e);
  }

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of("Pod", "shop", "web-1", "u1", "ev-ns", "shop/web-1/u1/_events"),
        Arguments.of("Deployment", "shop", "web", "u2", "shop", "shop/deployment-web/u2/_events"),
        Arguments.of("Node", null, "worker-1", "worker-1", "default", "default/node-worker-1/worker-1/_events"),
        Arguments.of("Node", "", "worker-1", "", null, "_cluster/node-worker-1/_/_events"),
        Arguments.of(null, null, null, null, "kube-system", "kube-system/object-_/_/_events"),
        Arguments.of("Pod", "shop", "a/b", "u/1", "shop", "shop/a_b/u_1/_events"));
  }

  @ParameterizedTest(name = "{0} {1}/{2} -> {5}")
  @MethodSource("keys")
  void keysTheEventByTheObjectItIsAbout(String kind, String ns, String name, String uid, String eventNs,
      String expected) {
    Event event = new EventBuilder().withNewMetadata().withNamespace(eventNs).withName("e").withUid("x").endMetadata()
        .withNewRegarding().withKind(kind).withNamespace(ns).withName(name).withUid(uid).endRegarding().build();
    StreamKey key = EventKey.of(event);
    assertThat(key.toString()).isEqualTo(expected);
    assertThat(StreamKey.parse(key.toString())).isEqualTo(key);
  }

  @Test
  void anEventAboutAWorkloadNamesItAsOwner() {
    Event event = new EventBuilder().withNewMetadata().withNamespace("shop").withName("web.1").withUid("e2")
        .endMetadata().withType("Normal").withReason("ScalingReplicaSet").withNote("Scaled up to 3")
        .withNewRegarding().withKind("Deployment").withNamespace("shop").withName("web").withUid("d1").endRegarding()
        .build();
    LogEvent e = converter.convert(event, new Occurrence("e2", 1, 1, "1"), EventTime.of(event, NOW)).event();
    assertThat(e.getKubernetes().getOwnerKind()).isEqualTo("Deployment");
    assertThat(e.getKubernetes().getOwnerName()).isEqualTo("web");
    assertThat(e.getKubernetes().getPod()).isEqualTo("deployment-web");
    assertThat(e.getParsed().getSeverity()).isEqualTo("INFO");
    assertThat(e.getTimeText()).isNull();
    assertThat(e.getTimeUnixNano()).isEqualTo(NOW.toEpochMilli() * 1_000_000L);
  }

  static Stream<Arguments> severities() {
    return Stream.of(Arguments.of("Normal", "INFO"), Arguments.of("Warning", "WARN"), Arguments.of("Error", null),
        Arguments.of(null, null), Arguments.of("normal", null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("severities")
  void mapsTheEventTypeToASeverity(String type, String severity) {
    assertThat(EventConverter.severity(type)).isEqualTo(severity);
  }

  @Test
  void aNodeEventNamesTheNodeAndAMissingNoteIsAnEmptyMessage() {
    Event event = new EventBuilder().withNewMetadata().withNamespace("default").withName("n.1").withUid("e3")
        .endMetadata().withReason("NodeNotReady")
        .withNewRegarding().withKind("Node").withName("worker-2").withUid("worker-2").endRegarding().build();
    LogEvent e = converter.convert(event, new Occurrence("e3", 1, 1, ""), EventTime.of(event, NOW)).event();
    assertThat(e.getMessage()).isEmpty();
    assertThat(e.getKubernetes().getNode()).isEqualTo("worker-2");
    assertThat(e.getKubernetes().getNamespace()).isEqualTo("default");
  }
}
