package io.logpipe.bench.shipper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a JVM makes of the measured flags ({@code -XX:+PrintFlagsFinal}): heap, collector, compiler threads and code
 * cache as it sized them, so the bench shows that {@code -XX:MaxRAM} and {@code -XX:ActiveProcessorCount} give the
 * heap and the collector a container with the chart's limits would give.
 */
final class EffectiveFlags {

  private static final List<String> SHOWN = List.of("MaxHeapSize", "InitialHeapSize", "UseSerialGC", "UseG1GC",
      "UseParallelGC", "CICompilerCount", "TieredStopAtLevel", "ReservedCodeCacheSize", "MaxMetaspaceSize",
      "ThreadStackSize", "MaxDirectMemorySize");

  private EffectiveFlags() {}

  /** The {@link #SHOWN} flags that differ from "off", e.g. {@code MaxHeapSize=128m UseSerialGC CICompilerCount=2}. */
  static String of(List<String> jvmArgs, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs.stream().filter(a -> !a.startsWith("-XX:StartFlightRecording")).toList());
    command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return format(out);
    } catch (IOException e) {
      return "(not known: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(not known: interrupted)";
    }
  }

  /** Lines like {@code size_t MaxHeapSize = 134217728 {product} {ergonomic}}. */
  static String format(String printFlagsFinal) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : printFlagsFinal.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 4 && f[2].equals("=") && SHOWN.contains(f[1])) {
        values.put(f[1], f[3]);
      }
    }
    StringBuilder shown = new StringBuilder();
    for (String name : SHOWN) {
      String value = values.get(name);
      if (value == null || value.equals("false")) {
        continue;
      }
      shown.append(shown.length() == 0 ? "" : " ").append(name);
      if (!value.equals("true")) {
        // ThreadStackSize is in KiB already
        shown.append('=').append(name.equals("ThreadStackSize") ? value + "k"
            : name.endsWith("Size") ? mib(value) : value);
      }
    }
    return shown.toString();
  }

  private static String mib(String bytes) {
    try {
      long b = Long.parseUnsignedLong(bytes);
      return b < 0 || b >= 1L << 50 ? "unlimited" : b == 0 ? "0" : b % (1 << 20) == 0 ? (b >> 20) + "m"
          : (b >> 10) + "k";
    } catch (NumberFormatException e) {
      return bytes;
    }
  }
}
