package io.logpipe.acceptance.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One pipeline stage as users run it, {@code bin/logpipe <command> <flags>} with its {@code <PREFIX>_*} environment,
 * in a JVM of its own on this JVM's class path (so it can be killed with SIGKILL), behind {@link ParentWatch}.
 * Output goes to {@code <logs>/<name>.log}, appended across restarts, for the failure message.
 */
public final class StageJvm implements AutoCloseable {

  /** JVM flags of every stage: small heaps, one GC thread, the quick JIT tier (the run is short). */
  private static final List<String> JVM_FLAGS = List.of("-Xmx160m", "-Xss512k", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m");

  private final String name;
  private final List<String> args;
  private final Map<String, String> env;
  private final Path log;
  private Process process;
  private int starts;

  private StageJvm(String name, List<String> args, Map<String, String> env, Path log) {
    this.name = name;
    this.args = List.copyOf(args);
    this.env = Map.copyOf(env);
    this.log = log;
  }

  /** Starts {@code logpipe <args…>} with {@code env} added to this JVM's environment. */
  public static StageJvm start(String name, List<String> args, Map<String, String> env, Path logs)
      throws IOException {
    StageJvm stage = new StageJvm(name, args, env, Files.createDirectories(logs).resolve(name + ".log"));
    stage.launch(Map.of());
    return stage;
  }

  /**
   * Starts it again after it stopped, with {@code changedEnv} over its environment (a fresh state directory: as
   * when Kubernetes reschedules the pod elsewhere).
   */
  public void restart(Map<String, String> changedEnv) throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    launch(changedEnv);
  }

  private void launch(Map<String, String> changedEnv) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ParentWatch.class.getName());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    pb.environment().putAll(changedEnv);
    Files.writeString(log, "---- start " + (++starts) + ": logpipe " + String.join(" ", args) + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    process = pb.start();
  }

  /** kill -9, and wait until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    int code = process.waitFor();
    if (code != 137) {
      throw new IllegalStateException(name + " had already exited with " + code + " before the kill");
    }
  }

  /** SIGTERM, then wait (bounded) for the stage to finish what it holds; its exit code, or -1 if it had to be killed. */
  public int stop() throws InterruptedException {
    // ProcessHandle.destroy() sends SIGTERM and nothing else; Process.destroy() would also close our end of the
    // stage's stdin, which ParentWatch takes for this JVM's death, halting the stage before it finished.
    process.toHandle().destroy();
    if (process.waitFor(45, TimeUnit.SECONDS)) {
      return process.exitValue();
    }
    process.destroyForcibly().waitFor();
    return -1;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String name() {
    return name;
  }

  /** The last {@code lines} lines of its output, for a failure message. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return name + " (" + log + "):\n  " + String.join("\n  ", all.subList(Math.max(0, all.size() - lines),
          all.size()));
    } catch (IOException e) {
      return name + ": no output (" + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
