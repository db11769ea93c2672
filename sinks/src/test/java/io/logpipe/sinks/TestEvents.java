package io.logpipe.sinks;

import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.RedactionSummary;
import io.logpipe.schemas.Source;
import io.logpipe.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Events as the router writes them to the sink topics, for the sink tests. */
public final class TestEvents {

  /** 2023-11-14T22:13:20.123456789Z */
  public static final long TIME = 1_700_000_000_123_456_789L;

  private TestEvents() {}

  public static String key(String namespace) {
    return namespace + "/api-7d9f/0a1b-uid/server";
  }

  /** A fully enriched event in {@code namespace}, at {@code timeUnixNano}, read from {@code offset} of its file. */
  public static LogEvent event(String namespace, long timeUnixNano, long offset, String message) {
    return LogEvent.newBuilder()
        .setTimeUnixNano(timeUnixNano)
        .setTimeText("2023-11-14T22:13:20.123456789Z")
        .setStream("stdout")
        .setMessage(message)
        .setFlags(List.of("split"))
        .setSource(Source.newBuilder().setNode("node-1")
            .setPath("/var/log/pods/" + namespace + "_api-7d9f_0a1b-uid/server/0.log")
            .setFileId(FileIdentity.newBuilder().setDevice(2049).setInode(77).setFingerprint(-5).build())
            .setFirstOffset(offset).setLastOffset(offset).setLineCount(1).build())
        .setKubernetes(KubernetesMetadata.newBuilder()
            .setNamespace(namespace).setPod("api-7d9f").setPodUid("0a1b-uid").setContainer("server")
            .setContainerImage("ghcr.io/acme/api:1.4").setNode("node-1").setOwnerKind("Deployment")
            .setOwnerName("api").setPodLabels(Map.of("tier", "front", "app", "api"))
            .setPodAnnotations(Map.of()).setNamespaceLabels(Map.of()).setNodeLabels(Map.of())
            .build())
        .setParsed(ParsedBody.newBuilder().setSeverity("ERROR").setBody("card declined")
            .setTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
            .setAttributes(Map.of("user.id", "42", "http.status", "402")).build())
        .setRedaction(RedactionSummary.newBuilder().setCountsByRule(Map.of("email", 1)).build())
        .build();
  }

  /** The record of {@code event} at {@code offset} of a sink topic partition, as the worker's consumer sees it. */
  public static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, LogEvent event) {
    return raw(topic, partition, offset, key(event.getKubernetes().getNamespace()), Topics.LOG_EVENT.encode(event));
  }

  public static ConsumerRecord<byte[], byte[]> raw(String topic, int partition, long offset, String key,
      byte[] value) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    return new ConsumerRecord<>(topic, partition, offset, 0L, TimestampType.CREATE_TIME, keyBytes.length,
        value == null ? -1 : value.length, keyBytes, value, new RecordHeaders(), Optional.empty());
  }
}
