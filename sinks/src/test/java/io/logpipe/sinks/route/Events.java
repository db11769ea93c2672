package io.logpipe.sinks.route;

import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.Source;
import java.util.List;
import java.util.Map;

/** Test events with only what routing looks at. */
final class Events {

  static final String KEY = "payments/api-7d9f/0a1b-uid/server";

  private Events() {}

  static LogEvent enriched(String namespace, String container, String severity, String message,
      Map<String, String> podLabels) {
    return base(message)
        .setKubernetes(KubernetesMetadata.newBuilder()
            .setNamespace(namespace).setPod("api-7d9f").setPodUid("0a1b-uid").setContainer(container)
            .setPodLabels(podLabels).setPodAnnotations(Map.of()).setNamespaceLabels(Map.of()).setNodeLabels(Map.of())
            .build())
        .setParsed(severity == null ? null : ParsedBody.newBuilder().setSeverity(severity)
            .setAttributes(Map.of()).build())
        .build();
  }

  static LogEvent bare(String message) {
    return base(message).build();
  }

  private static LogEvent.Builder base(String message) {
    return LogEvent.newBuilder()
        .setTimeUnixNano(1_700_000_000_123_456_789L)
        .setStream("stdout")
        .setMessage(message)
        .setFlags(List.of())
        .setSource(Source.newBuilder().setNode("node-1").setPath("/var/log/pods/x/server/0.log")
            .setFirstOffset(0).setLastOffset(0).setLineCount(1).build());
  }
}
