package io.logpipe.runtime.cli;

import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags every Kafka Streams stage command takes: the {@link ServiceOptions} and the Streams application's. */
public final class StageOptions {

  @Mixin ServiceOptions service;

  @Option(names = "--application-id", description = "Kafka Streams application id / consumer group "
      + "(env <PREFIX>_APPLICATION_ID; default logpipe-<stage>).")
  String applicationId;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Kafka Streams state directory (env <PREFIX>_STATE_DIR).")
  String stateDir;

  /** The flags given, by un-prefixed setting name; a command adds its own with {@link ServiceOptions#put}. */
  public Map<String, String> flags() {
    Map<String, String> flags = service.flags();
    ServiceOptions.put(flags, "APPLICATION_ID", applicationId);
    ServiceOptions.put(flags, "STATE_DIR", stateDir);
    return flags;
  }
}
