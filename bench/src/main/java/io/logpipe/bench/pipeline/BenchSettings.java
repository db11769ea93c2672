package io.logpipe.bench.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The knobs of {@link PipelineBench}, as system properties with defaults sized for a run of about three minutes on
 * the project's 2-core machine. {@code -Dbench.env=K=V,K=V} passes any stage or shipper setting to every child JVM
 * ({@code MULTILINE_KAFKA_COMMIT_INTERVAL_MS=200}, {@code SHIPPER_BATCH_BYTES=8MiB}).
 */
record BenchSettings(long lines, int pods, int partitions, List<String> variants, List<String> sinks, int threads,
    int rate, int latencySeconds, int warmupSeconds, int limitSeconds, Map<String, String> env,
    boolean traceHops) {

  static final List<String> STREAMS_PREFIXES = List.of("MULTILINE", "ENRICHER", "REDACTOR", "ROUTER",
      StagesProcess.PREFIX);

  static BenchSettings fromSystemProperties() {
    return new BenchSettings(
        Long.getLong("bench.lines", 400_000),
        Integer.getInteger("bench.pods", 40),
        Integer.getInteger("bench.partitions", 6),
        List.of(System.getProperty("bench.variants", "fused,split").split(",")),
        List.of(System.getProperty("bench.sinks", "s3").split(",")),
        Integer.getInteger("bench.threads", 1),
        Integer.getInteger("bench.rate", 20_000),
        Integer.getInteger("bench.latency.seconds", 30),
        Integer.getInteger("bench.latency.warmup", 10),
        Integer.getInteger("bench.limit.seconds", 240),
        pairs(System.getProperty("bench.env", "")),
        Boolean.parseBoolean(System.getProperty("bench.latency.hops", "true")));
  }

  /** The sink topics the router writes with these sinks as its default route. */
  List<String> sinkTopics() {
    return sinks.stream().map(s -> "logs.sink." + s + ".v1").toList();
  }

  /**
   * The environment of every child JVM: quiet logs, the router's default route, the stream threads of each stage,
   * then {@code bench.env} (which wins).
   */
  Map<String, String> childEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("LOGPIPE_LOG_LEVEL", "WARN");
    env.put("ROUTER_DEFAULT_SINKS", String.join(",", sinks));
    STREAMS_PREFIXES.forEach(p -> env.put(p + "_KAFKA_NUM_STREAM_THREADS", String.valueOf(threads)));
    env.putAll(this.env);
    return env;
  }

  String describe() {
    return String.format("%,d lines over %d pods, %d partitions, sinks %s, %d stream thread(s) per stage JVM, "
        + "latency at %,d lines/s for %d s (%d s warm-up)%s", lines, pods, partitions, sinks, threads, rate,
        latencySeconds, warmupSeconds, env.isEmpty() ? "" : ", env " + env);
  }

  private static Map<String, String> pairs(String given) {
    Map<String, String> env = new HashMap<>();
    for (String pair : given.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        env.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return env;
  }
}
