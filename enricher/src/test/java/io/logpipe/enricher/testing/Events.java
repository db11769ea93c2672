package io.logpipe.enricher.testing;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Source;
import io.logpipe.schemas.StreamKey;
import java.util.List;

/** Log events as the multiline stage writes them. */
public final class Events {

  public static String path(StreamKey key) {
    return "/var/log/pods/" + key.namespace() + "_" + key.pod() + "_" + key.podUid() + "/" + key.container()
        + "/0.log";
  }

  public static LogEvent event(StreamKey key, String message) {
    return LogEvent.newBuilder()
        .setTimeUnixNano(1_700_000_000_000_000_000L)
        .setTimeText("2023-11-14T22:13:20Z")
        .setStream("stdout")
        .setMessage(message)
        .setSource(Source.newBuilder().setNode("node-1").setPath(key == null ? "/elsewhere.log" : path(key))
            .setFirstOffset(0).setLastOffset(0).setLineCount(1).build())
        .setFlags(List.of())
        .build();
  }

  private Events() {}
}
