package io.logpipe.redactor.streams;

import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.ParsedBody;
import io.logpipe.schemas.Source;
import io.logpipe.schemas.StreamKey;
import java.util.List;
import java.util.Map;

/** Enriched events as the enricher writes them. */
final class Events {
  static final StreamKey SHOP = new StreamKey("shop", "web-1", "uid-1", "app");
  static final StreamKey PAYMENTS = new StreamKey("payments", "api-1", "uid-2", "api");

  private Events() {
  }

  static LogEvent event(StreamKey key, String message) {
    return event(key, message, null);
  }

  static LogEvent event(StreamKey key, String message, ParsedBody parsed) {
    return LogEvent.newBuilder()
        .setTimeUnixNano(1_700_000_000_000_000_000L)
        .setTimeText("2023-11-14T22:13:20Z")
        .setStream("stdout")
        .setMessage(message)
        .setSource(Source.newBuilder().setNode("node-1")
            .setPath("/var/log/pods/" + key.namespace() + "_" + key.pod() + "_" + key.podUid() + "/"
                + key.container() + "/0.log")
            .setFirstOffset(0).setLastOffset(0).setLineCount(1).build())
        .setFlags(List.of())
        .setKubernetes(KubernetesMetadata.newBuilder().setNamespace(key.namespace()).setPod(key.pod())
            .setPodUid(key.podUid()).setContainer(key.container()).build())
        .setParsed(parsed)
        .build();
  }

  static ParsedBody parsed(String body, Map<String, String> attributes) {
    return ParsedBody.newBuilder().setSeverity("INFO").setBody(body).setAttributes(attributes).build();
  }
}
