package io.logpipe.bench.shipper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A measured child JVM on the bench's class path: CPU seconds (user + system, from {@code /proc/<pid>/stat}) and
 * peak RSS ({@code VmHWM} from {@code /proc/<pid>/status}), read while it is still alive.
 */
public final class ChildJvm implements AutoCloseable {

  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  public final Process process;
  final long startNanos = System.nanoTime();

  private ChildJvm(Process process) {
    this.process = process;
  }

  public static ChildJvm start(String mainClass, List<String> jvmArgs, List<String> args, Map<String, String> env, Path log)
      throws IOException {
    return start(mainClass, jvmArgs, args, env, log, System.getProperty("java.class.path"));
  }

  public static ChildJvm start(String mainClass, List<String> jvmArgs, List<String> args, Map<String, String> env, Path log,
      String classPath) throws IOException {
    return start(Path.of(System.getProperty("java.home")), mainClass, jvmArgs, args, env, log, classPath);
  }

  /** As above, on the JDK or JRE in {@code javaHome} (e.g. a newer Java running the same Java 17 bytecode). */
  public static ChildJvm start(Path javaHome, String mainClass, List<String> jvmArgs, List<String> args,
      Map<String, String> env, Path log, String classPath) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    return new ChildJvm(pb.start());
  }

  public double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // utime, stime
  }

  /**
   * CPU seconds per thread group (thread names with digits dropped, e.g. {@code C2 CompilerThre}), from
   * {@code /proc/<pid>/task}: tells the application's threads from the JIT and the garbage collector.
   */
  java.util.SortedMap<String, Double> cpuSecondsByThread() throws IOException {
    java.util.SortedMap<String, Double> byName = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]", "#");
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND, Double::sum);
        } catch (IOException threadEnded) {
          // gone between the listing and the read: its time is lost from the breakdown only
        }
      }
    }
    return byName;
  }

  public double peakRssMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  public double secondsSinceStart() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
