package io.logpipe.bench.shipper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipper's JVM exactly as the Helm chart ships it, read from the chart's values file when the bench runs, so the
 * bench measures what users run and no copy of the flags can drift: {@code shipper.javaOptions} (else the chart-wide
 * {@code javaOptions}, as the template's {@code default} does), the environment the chart sets for the JVM
 * ({@code shipper.jvmEnv}), and the container's limits ({@code shipper.resources.limits}) as the JVM would see them
 * under a cgroup: {@code -XX:MaxRAM=<memory limit>} (the base of {@code MaxRAMPercentage}, as the cgroup limit is
 * inside a container) and {@code -XX:ActiveProcessorCount=<cpu limit, rounded up>} (the JVM's GC and compiler
 * ergonomics follow the CPU quota). Without the second, this 2-core host with 24 GB would be a "server class machine"
 * and the JVM would pick G1 where the container gets Serial.
 *
 * @param javaOptions the chart's JVM flags (what {@code JAVA_TOOL_OPTIONS} holds in the pod)
 * @param memoryLimitBytes the container's memory limit
 * @param cpus the container's CPU limit, rounded up to whole processors
 * @param env environment variables the chart sets for the shipper's JVM (e.g. {@code MALLOC_ARENA_MAX})
 */
public record ChartJvm(String javaOptions, long memoryLimitBytes, int cpus, Map<String, String> env) {

  /** The chart, from the bench module's directory (where the bench is run); {@code -Dbench.chart} overrides. */
  static final Path VALUES = Path.of("..", "deploy", "helm", "logpipe", "values.yaml");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public ChartJvm {
    env = Map.copyOf(env);
  }

  /** The chart's shipper, from {@code -Dbench.chart=<values.yaml>} or {@link #VALUES}. */
  public static ChartJvm shipper() {
    Path values = Path.of(System.getProperty("bench.chart", VALUES.toString()));
    try {
      return read(values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the chart's shipper JVM from " + values.toAbsolutePath()
          + " (run the bench from bench/, or set -Dbench.chart)", e);
    }
  }

  static ChartJvm read(Path values) throws IOException {
    JsonNode root = YAML.readTree(Files.readString(values));
    JsonNode shipper = root.path("shipper");
    String options = shipper.path("javaOptions").asText("");
    if (options.isBlank()) {
      options = root.path("javaOptions").asText("");
    }
    JsonNode limits = shipper.path("resources").path("limits");
    Map<String, String> env = new LinkedHashMap<>();
    shipper.path("jvmEnv").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    return new ChartJvm(options.strip(), memoryBytes(limits.path("memory").asText()),
        cpus(limits.path("cpu").asText()), env);
  }

  /** The container's limits as the JVM sees them, then the chart's flags (a later flag wins). */
  public List<String> jvmArgs() {
    return jvmArgs(javaOptions);
  }

  /** As {@link #jvmArgs()} with other flags in place of the chart's (the container stays the chart's). */
  public List<String> jvmArgs(String flags) {
    List<String> args = new ArrayList<>(List.of("-XX:MaxRAM=" + memoryLimitBytes, "-XX:ActiveProcessorCount=" + cpus));
    if (!flags.isBlank()) {
      args.addAll(List.of(flags.strip().split("\\s+")));
    }
    return args;
  }

  /** A Kubernetes memory quantity in bytes: {@code 256Mi}, {@code 1Gi}, {@code 128M}, {@code 1e6}, {@code 1000}. */
  static long memoryBytes(String quantity) {
    String q = quantity.strip();
    String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"k", "1000"}, {"M", "1000000"},
        {"G", "1000000000"}};
    for (String[] suffix : suffixes) {
      if (q.endsWith(suffix[0])) {
        return new BigDecimal(q.substring(0, q.length() - suffix[0].length()))
            .multiply(new BigDecimal(suffix[1])).setScale(0, RoundingMode.CEILING).longValueExact();
      }
    }
    if (q.isEmpty()) {
      throw new IllegalArgumentException("the chart sets no shipper memory limit: nothing to size the heap from");
    }
    return new BigDecimal(q).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** A Kubernetes CPU quantity as the JVM's processor count: the quota rounded up ({@code 500m} is 1, 1.5 is 2). */
  static int cpus(String quantity) {
    String q = quantity.strip();
    if (q.isEmpty()) {
      throw new IllegalArgumentException("the chart sets no shipper CPU limit");
    }
    BigDecimal cores = q.endsWith("m") ? new BigDecimal(q.substring(0, q.length() - 1)).movePointLeft(3)
        : new BigDecimal(q);
    return Math.max(1, cores.setScale(0, RoundingMode.CEILING).intValueExact());
  }

  @Override
  public String toString() {
    return String.format("limits %d MiB, %d CPU (%s); flags %s; env %s", memoryLimitBytes >> 20, cpus,
        String.join(" ", jvmArgs().subList(0, 2)), javaOptions, env);
  }
}
